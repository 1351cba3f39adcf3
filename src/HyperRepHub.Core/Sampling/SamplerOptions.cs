namespace HyperRepHub.Core.Sampling;

/// <summary>Options shared by every sampler.</summary>
public sealed record SamplerOptions
{
    /// <summary>Sampling method name, one of <see cref="SamplerMethods.Names"/>. Default <c>kde</c>.</summary>
    public string Method { get; init; } = SamplerMethods.Kde;

    /// <summary>
    /// Fraction of anchors kept, the most accurate first: 0.3 keeps anchors at or above the 70th percentile of
    /// accuracy, 1 keeps all. Default 0.3.
    /// </summary>
    public double TopFraction { get; init; } = 0.3;

    /// <summary>Seed of every random draw, including fitting UMAP and training the GAN. Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>KDE bandwidth used by <see cref="BandwidthRule.Fixed"/>. Default 0.002, the released value.</summary>
    public double Bandwidth { get; init; } = 0.002;

    /// <summary>How KDE-based samplers choose their bandwidth. Default <see cref="BandwidthRule.Fixed"/>.</summary>
    public BandwidthRule BandwidthRule { get; init; } = BandwidthRule.Fixed;

    /// <summary>UMAP neighbours of the <c>neighbour</c> sampler. Default 15.</summary>
    public int Neighbours { get; init; } = 15;

    /// <summary>UMAP minimum distance of the <c>neighbour</c> sampler. Default 0.01.</summary>
    public double MinDistance { get; init; } = 0.01;

    /// <summary>Anchors nearest in 3-D whose distance-weighted mean maps a 3-D draw back. Default 3.</summary>
    public int InverseNeighbours { get; init; } = 3;

    /// <summary>Training steps of the <c>gan</c> sampler. Default 2,000.</summary>
    public int GanSteps { get; init; } = 2000;

    /// <summary>Checks every value and throws <see cref="SamplingException"/> naming the first invalid one.</summary>
    public void Validate()
    {
        Require(SamplerMethods.Names.Contains(Method),
            $"Unknown sampling method '{Method}'; use one of {string.Join(", ", SamplerMethods.Names)}.");
        Require(TopFraction is > 0 and <= 1, $"TopFraction must be in (0, 1], got {TopFraction}.");
        Require(Bandwidth > 0 && double.IsFinite(Bandwidth), $"Bandwidth must be positive, got {Bandwidth}.");
        Require(Neighbours >= 2, $"Neighbours must be at least 2, got {Neighbours}.");
        Require(MinDistance is >= 0 and < 1, $"MinDistance must be in [0, 1), got {MinDistance}.");
        Require(InverseNeighbours >= 1, $"InverseNeighbours must be at least 1, got {InverseNeighbours}.");
        Require(GanSteps >= 1, $"GanSteps must be at least 1, got {GanSteps}.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new SamplingException(message);
        }
    }
}
