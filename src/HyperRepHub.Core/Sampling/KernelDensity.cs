using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling;

/// <summary>
/// Independent 1-D Gaussian kernel density estimates, one per latent dimension, over anchors <c>[N, D]</c>.
/// </summary>
public sealed class KernelDensity
{
    /// <summary>Fits one KDE per dimension; the anchors must already be validated.</summary>
    public KernelDensity(Tensor anchors, BandwidthRule rule, double bandwidth)
    {
        Anchors = anchors.detach().to(float32).clone().DetachFromDisposeScope(); // [N, D]
        Bandwidths = (rule switch
        {
            BandwidthRule.Fixed => full([anchors.shape[1]], bandwidth, float32),
            BandwidthRule.Silverman => Silverman(Anchors),
            _ => throw new SamplingException($"Unknown bandwidth rule {rule}."),
        }).DetachFromDisposeScope(); // [D]
    }

    /// <summary>The anchors <c>[N, D]</c> the estimates are built on.</summary>
    public Tensor Anchors { get; }

    /// <summary>Bandwidth of each dimension <c>[D]</c>.</summary>
    public Tensor Bandwidths { get; }

    /// <summary>Density of each dimension's KDE at each point: <c>[M, D]</c> for points <c>[M, D]</c>.</summary>
    public Tensor Density(Tensor points)
    {
        // Chunk the points so the [chunk, N, D] kernel matrix stays near 16M elements.
        long perPoint = Math.Max(1, Anchors.shape[0] * Anchors.shape[1]);
        long chunk = Math.Max(1, 16_000_000 / perPoint);
        var parts = new List<Tensor>();
        for (long start = 0; start < points.shape[0]; start += chunk)
        {
            using var scope = NewDisposeScope();
            var block = points.narrow(0, start, Math.Min(chunk, points.shape[0] - start));
            var standardised = (block.unsqueeze(1) - Anchors.unsqueeze(0)) / Bandwidths; // [chunk, N, D]
            var kernel = (-0.5 * standardised.square()).exp() / Math.Sqrt(2 * Math.PI); // [chunk, N, D]
            parts.Add((kernel.mean([1]) / Bandwidths).MoveToOuterDisposeScope()); // [chunk, D]
        }

        return cat(parts, 0); // [M, D]
    }

    /// <summary>
    /// Silverman's rule per dimension, <c>0.9 · min(std, IQR / 1.34) · n^(-1/5)</c>; falls back to the standard
    /// deviation where the IQR is zero.
    /// </summary>
    public static Tensor Silverman(Tensor anchors)
    {
        using var scope = NewDisposeScope();
        long n = anchors.shape[0];
        var std = anchors.std(0); // [D]
        var quartiles = quantile(anchors, tensor(new float[] { 0.25f, 0.75f }), dim: 0); // [2, D]
        var iqr = (quartiles[1] - quartiles[0]) / 1.34;
        var spread = where(iqr.gt(0), minimum(std, iqr), std);
        return (0.9 * spread * Math.Pow(n, -0.2)).MoveToOuterDisposeScope(); // [D]
    }
}
