using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling;

/// <summary>
/// S_C: draws each dimension from where its KDE is thin. Within the anchors' range on that dimension, grid cells
/// are picked with probability proportional to <c>max density - density</c>, then a point is drawn uniformly in
/// the cell, so samples stay in the anchors' range but avoid the anchors themselves.
/// </summary>
public sealed class CounterfactualSampler : ILatentSampler
{
    private const int GridSize = 256;
    private readonly Tensor _low;
    private readonly Tensor _cellWidth;
    private readonly Tensor _cellProbabilities;

    /// <summary>Tabulates the inverse density of each dimension's KDE over a grid of the anchors' range.</summary>
    public CounterfactualSampler(KernelDensity density)
    {
        using var scope = NewDisposeScope();
        var anchors = density.Anchors;
        var low = anchors.amin(0); // [D]
        var high = anchors.amax(0); // [D]
        var cellWidth = (high - low) / GridSize; // [D]
        var centres = low + (arange(GridSize, float32).unsqueeze(1) + 0.5) * cellWidth; // [G, D]
        var values = density.Density(centres); // [G, D]
        var inverse = values.amax([0], keepdim: true) - values + 1e-12; // [G, D]
        _cellProbabilities = (inverse / inverse.sum(0, keepdim: true)).t().contiguous() // [D, G]
            .MoveToOuterDisposeScope().DetachFromDisposeScope();
        _low = low.MoveToOuterDisposeScope().DetachFromDisposeScope();
        _cellWidth = cellWidth.MoveToOuterDisposeScope().DetachFromDisposeScope();
        LatentDimension = (int)anchors.shape[1];
    }

    /// <inheritdoc/>
    public string Method => SamplerMethods.Counterfactual;

    /// <inheritdoc/>
    public int LatentDimension { get; }

    /// <inheritdoc/>
    public Tensor Sample(int count, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var generator = new Generator((ulong)seed);
        using var scope = NewDisposeScope();
        var cells = multinomial(_cellProbabilities, count, replacement: true, generator: generator).t(); // [count, D]
        var offset = rand([count, LatentDimension], generator: generator); // [count, D]
        var samples = _low + (cells.to(float32) + offset) * _cellWidth; // [count, D]
        return samples.MoveToOuterDisposeScope();
    }
}
