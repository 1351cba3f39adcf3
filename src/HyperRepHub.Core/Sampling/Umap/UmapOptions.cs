namespace HyperRepHub.Core.Sampling.Umap;

/// <summary>Options of <see cref="UmapProjection"/>; the defaults follow umap-learn 0.5 unless stated.</summary>
public sealed record UmapOptions
{
    /// <summary>Dimension of the embedding. Default 3 (umap-learn: 2).</summary>
    public int Components { get; init; } = 3;

    /// <summary>Size of each point's neighbourhood, the point itself included. Default 15.</summary>
    public int Neighbours { get; init; } = 15;

    /// <summary>Minimum distance between embedded points; smaller packs neighbours tighter. Default 0.1.</summary>
    public double MinDistance { get; init; } = 0.1;

    /// <summary>Scale of embedded distances, used with <see cref="MinDistance"/> to fit the curve. Default 1.</summary>
    public double Spread { get; init; } = 1.0;

    /// <summary>SGD epochs; 0 picks 500, umap-learn's choice below 10,000 points. Default 0.</summary>
    public int Epochs { get; init; }

    /// <summary>Negative samples per positive edge sample. Default 5.</summary>
    public int NegativeSampleRate { get; init; } = 5;

    /// <summary>Initial SGD learning rate, decayed linearly to 0. Default 1.</summary>
    public double LearningRate { get; init; } = 1.0;

    /// <summary>How the embedding starts. Default <see cref="UmapInit.Spectral"/>.</summary>
    public UmapInit Init { get; init; } = UmapInit.Spectral;

    /// <summary>Seed of initialisation noise and negative sampling. Default 42.</summary>
    public int Seed { get; init; } = 42;
}
