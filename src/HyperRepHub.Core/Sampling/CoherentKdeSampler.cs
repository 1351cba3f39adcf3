using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling;

/// <summary>
/// The released code's KDE sampling: every dimension reuses one random state, so all dimensions pick the same
/// anchor and the same standard-normal draw. Each sample is one anchor plus the same shift on every dimension
/// (scaled by that dimension's bandwidth). Kept so users can compare it with <see cref="KdeSampler"/>.
/// </summary>
public sealed class CoherentKdeSampler : ILatentSampler
{
    private readonly KernelDensity _density;

    /// <summary>Uses the per-dimension KDEs of validated anchors.</summary>
    public CoherentKdeSampler(KernelDensity density) => _density = density;

    /// <inheritdoc/>
    public string Method => SamplerMethods.KdeCoherent;

    /// <inheritdoc/>
    public int LatentDimension => (int)_density.Anchors.shape[1];

    /// <inheritdoc/>
    public Tensor Sample(int count, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var generator = new Generator((ulong)seed);
        using var scope = NewDisposeScope();
        var anchors = _density.Anchors;
        var rows = randint(anchors.shape[0], [count], generator: generator); // [count]
        var noise = randn([count, 1], generator: generator); // [count, 1], shared by all dimensions
        var samples = anchors.index_select(0, rows) + noise * _density.Bandwidths; // [count, D]
        return samples.MoveToOuterDisposeScope();
    }
}
