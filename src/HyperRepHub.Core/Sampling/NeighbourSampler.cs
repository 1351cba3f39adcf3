using HyperRepHub.Core.Sampling.Umap;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling;

/// <summary>
/// S_Neigh: a 3-D UMAP of the anchors, uniform draws in the bounding box of that embedding, and an approximate
/// inverse map: each draw becomes the inverse-distance-weighted mean of the anchors nearest to it in 3-D.
/// </summary>
public sealed class NeighbourSampler : ILatentSampler
{
    private readonly Tensor _anchors;
    private readonly int _inverseNeighbours;

    /// <summary>Fits the UMAP to validated anchors <c>[N, D]</c>, with N above <paramref name="umap"/>'s neighbours.</summary>
    public NeighbourSampler(Tensor anchors, UmapOptions umap, int inverseNeighbours)
    {
        ArgumentNullException.ThrowIfNull(umap);
        ArgumentOutOfRangeException.ThrowIfLessThan(inverseNeighbours, 1);
        _anchors = anchors.detach().to(float32).clone().DetachFromDisposeScope(); // [N, D]
        Projection = UmapProjection.FitTransform(_anchors, umap).to(float32).DetachFromDisposeScope(); // [N, 3]
        _inverseNeighbours = (int)Math.Min(inverseNeighbours, anchors.shape[0]);
    }

    /// <inheritdoc/>
    public string Method => SamplerMethods.Neighbour;

    /// <inheritdoc/>
    public int LatentDimension => (int)_anchors.shape[1];

    /// <summary>The anchors' UMAP embedding <c>[N, components]</c>.</summary>
    public Tensor Projection { get; }

    /// <inheritdoc/>
    public Tensor Sample(int count, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var generator = new Generator((ulong)seed);
        using var scope = NewDisposeScope();
        var low = Projection.amin([0]);
        var high = Projection.amax([0]);
        var draws = low + rand([count, Projection.shape[1]], generator: generator) * (high - low); // [count, 3]
        var (distances, nearest) = cdist(draws, Projection)
            .topk(_inverseNeighbours, dim: 1, largest: false); // [count, k]
        var weights = 1 / (distances + 1e-8);
        weights = weights / weights.sum(1, keepdim: true); // [count, k]
        var neighbours = _anchors.index_select(0, nearest.flatten())
            .view(count, _inverseNeighbours, -1); // [count, k, D]
        return (weights.unsqueeze(2) * neighbours).sum(1).MoveToOuterDisposeScope(); // [count, D]
    }
}
