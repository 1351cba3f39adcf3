using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling;

/// <summary>How far sampled embeddings lie from the anchors, against how far apart the anchors are.</summary>
/// <param name="MedianToNearestAnchor">Median over samples of the Euclidean distance to the nearest anchor.</param>
/// <param name="MedianBetweenAnchors">Median Euclidean distance between two distinct anchors.</param>
public sealed record LatentDistance(double MedianToNearestAnchor, double MedianBetweenAnchors)
{
    /// <summary>Nearest-anchor distance over typical anchor distance: near 0 when samples copy anchors.</summary>
    public double Ratio => MedianBetweenAnchors > 0 ? MedianToNearestAnchor / MedianBetweenAnchors : 0;

    /// <summary>Measures samples <c>[G, D]</c> against anchors <c>[N, D]</c>, N at least 2.</summary>
    public static LatentDistance Measure(Tensor samples, Tensor anchors)
    {
        if (anchors.dim() != 2 || anchors.shape[0] < 2 || samples.dim() != 2 || samples.shape[1] != anchors.shape[1])
        {
            throw new ArgumentException(
                $"Expected samples [G, D] and at least two anchors [N, D], got [{string.Join(", ", samples.shape)}] " +
                $"and [{string.Join(", ", anchors.shape)}].");
        }

        using var scope = NewDisposeScope();
        var data = anchors.to(float64);
        var nearest = cdist(samples.to(float64), data).amin([1]).median().item<double>();
        var upper = ones(anchors.shape[0], anchors.shape[0], dtype: @bool).triu(1);
        var between = cdist(data, data).masked_select(upper).median().item<double>();
        return new LatentDistance(nearest, between);
    }
}
