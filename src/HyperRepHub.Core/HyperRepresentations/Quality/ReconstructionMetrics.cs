using HyperRepHub.Core.Architectures;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Quality;

/// <summary>
/// R² of reconstructions: 1 - Σ(y - ŷ)² / Σ(y - ȳ)², where ȳ is each parameter's mean over the rows of the
/// target. 1 is a perfect reconstruction; 0 is no better than predicting the mean model.
/// </summary>
public static class ReconstructionMetrics
{
    /// <summary>
    /// Computes R² over all parameters of <paramref name="prediction"/> against <paramref name="target"/>, both <c>[N,
    /// P]</c>.
    /// </summary>
    public static double R2(Tensor prediction, Tensor target)
    {
        using var scope = NewDisposeScope();
        return R2Of(prediction.to(ScalarType.Float64), target.to(ScalarType.Float64));
    }

    /// <summary>Computes R² per parameter layer of <paramref name="architecture"/>, in vector order.</summary>
    public static IReadOnlyList<double> R2PerLayer(ArchitectureSpec architecture, Tensor prediction, Tensor target)
    {
        using var scope = NewDisposeScope();
        var predicted = prediction.to(ScalarType.Float64);
        var expected = target.to(ScalarType.Float64);
        return architecture.Layout.Layers
            .Select(l => R2Of(predicted.narrow(1, l.Offset, l.Length), expected.narrow(1, l.Offset, l.Length)))
            .ToArray();
    }

    private static double R2Of(Tensor prediction, Tensor target)
    {
        double residual = (target - prediction).square().sum().item<double>();
        double total = (target - target.mean([0], keepdim: true)).square().sum().item<double>();
        return total > 0 ? 1 - residual / total : (residual == 0 ? 1 : double.NegativeInfinity);
    }
}
