namespace HyperRepHub.Core.Sampling;

/// <summary>Names of the sampling methods, as the CLI and the API accept them.</summary>
public static class SamplerMethods
{
    /// <summary>S_U: uniform in [-1, 1]^D.</summary>
    public const string Uniform = "uniform";

    /// <summary>S_KDE: independent per-dimension Gaussian KDE.</summary>
    public const string Kde = "kde";

    /// <summary>The released KDE behaviour: one anchor plus the same shift on every dimension.</summary>
    public const string KdeCoherent = "kde-coherent";

    /// <summary>S_C: low-density regions of the per-dimension KDE.</summary>
    public const string Counterfactual = "counterfactual";

    /// <summary>S_Neigh: uniform in a 3-D UMAP of the anchors, mapped back through the nearest anchors.</summary>
    public const string Neighbour = "neighbour";

    /// <summary>S_GAN: a small GAN trained on the anchors.</summary>
    public const string Gan = "gan";

    /// <summary>All method names.</summary>
    public static IReadOnlyList<string> Names { get; } = [Uniform, Kde, KdeCoherent, Counterfactual, Neighbour, Gan];
}
