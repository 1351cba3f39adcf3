using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling;

/// <summary>
/// S_KDE: every dimension drawn independently from its own 1-D Gaussian KDE, so one sample mixes the values
/// of different anchors across dimensions.
/// </summary>
public sealed class KdeSampler : ILatentSampler
{
    private readonly KernelDensity _density;

    /// <summary>Fits the per-dimension KDEs to validated anchors <c>[N, D]</c>.</summary>
    public KdeSampler(KernelDensity density) => _density = density;

    /// <inheritdoc/>
    public string Method => SamplerMethods.Kde;

    /// <inheritdoc/>
    public int LatentDimension => (int)_density.Anchors.shape[1];

    /// <inheritdoc/>
    public Tensor Sample(int count, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var generator = new Generator((ulong)seed);
        using var scope = NewDisposeScope();
        var anchors = _density.Anchors;
        // One anchor row per (sample, dimension), then one normal draw per (sample, dimension).
        var rows = randint(anchors.shape[0], [count, LatentDimension], generator: generator); // [count, D]
        var centres = anchors.gather(0, rows); // [count, D]
        var noise = randn([count, LatentDimension], generator: generator); // [count, D]
        return (centres + noise * _density.Bandwidths).MoveToOuterDisposeScope();
    }
}
