namespace HyperRepHub.Core.Sampling.Umap;

/// <summary>Initial layout of a UMAP embedding.</summary>
public enum UmapInit
{
    /// <summary>
    /// Eigenvectors of the graph's normalised Laplacian; falls back to <see cref="Random"/> when the graph is not
    /// connected, where those eigenvectors only separate the components.
    /// </summary>
    Spectral,

    /// <summary>Uniform in [-10, 10] on every component.</summary>
    Random,
}
