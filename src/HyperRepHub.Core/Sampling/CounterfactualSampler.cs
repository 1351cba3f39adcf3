using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling;

/// <summary>
/// S_C: draws each dimension from where its KDE is thin. The anchors' range on that dimension is cut into 256
/// cells, one of the cells whose density is at or below the dimension's <see cref="LowDensityQuantile"/> quantile
/// is picked uniformly, and a point is drawn uniformly in it, so samples stay in the anchors' range but avoid
/// where the anchors are dense.
/// </summary>
public sealed class CounterfactualSampler : ILatentSampler
{
    private const int GridSize = 256;

    /// <summary>Quantile of the cell densities below which cells are drawn from.</summary>
    public const double LowDensityQuantile = 0.25;

    private readonly Tensor _low;
    private readonly Tensor _cellWidth;
    private readonly Tensor _cellProbabilities;

    /// <summary>Tabulates each dimension's KDE over a grid of the anchors' range and keeps its thin cells.</summary>
    public CounterfactualSampler(KernelDensity density)
    {
        using var scope = NewDisposeScope();
        var anchors = density.Anchors;
        var low = anchors.amin(0); // [D]
        var high = anchors.amax(0); // [D]
        var cellWidth = (high - low) / GridSize; // [D]
        var centres = low + (arange(GridSize, float32).unsqueeze(1) + 0.5) * cellWidth; // [G, D]
        var values = density.Density(centres); // [G, D]
        var threshold = values.to(float64).quantile(LowDensityQuantile, dim: 0, keepdim: true); // [1, D]
        var lowCells = values.le(threshold).to(float32); // [G, D]
        _cellProbabilities = (lowCells / lowCells.sum(0, keepdim: true)).t().contiguous() // [D, G]
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
