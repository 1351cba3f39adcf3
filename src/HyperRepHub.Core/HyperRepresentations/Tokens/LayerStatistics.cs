using HyperRepHub.Core.Architectures;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Tokens;

/// <summary>
/// Mean and standard deviation of each parameter layer's weights and biases together, over a set of weight
/// vectors (the zoo's training split). Standard deviations are unbiased and floored at <see cref="MinimumStd"/>.
/// </summary>
/// <param name="Means">Mean per parameter layer, in vector order.</param>
/// <param name="Stds">Standard deviation per parameter layer, at least <see cref="MinimumStd"/>.</param>
public sealed record LayerStatistics(IReadOnlyList<double> Means, IReadOnlyList<double> Stds)
{
    /// <summary>Floor of every standard deviation, so that layers with constant weights do not divide by 0.</summary>
    public const double MinimumStd = 1e-4;

    /// <summary>Computes the statistics of weights <c>[N, P]</c> laid out as <paramref name="architecture"/>.</summary>
    public static LayerStatistics Compute(ArchitectureSpec architecture, Tensor weights)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.dim() != 2 || weights.shape[1] != architecture.ParameterCount || weights.shape[0] < 1)
        {
            throw new ArchitectureException(
                $"Statistics need weights [N >= 1, {architecture.ParameterCount}], " +
                $"got [{string.Join(", ", weights.shape)}].");
        }

        using var scope = NewDisposeScope();
        var means = new List<double>();
        var stds = new List<double>();
        foreach (var layer in architecture.Layout.Layers)
        {
            var values = weights.narrow(1, layer.Offset, layer.Length).to(ScalarType.Float64);
            means.Add(values.mean().item<double>());
            double std = values.numel() > 1 ? values.std().item<double>() : 0;
            stds.Add(Math.Max(std, MinimumStd));
        }

        return new LayerStatistics(means, stds);
    }

    /// <summary>Expands the per-layer standard deviations to one value per parameter, <c>[P]</c>, float32.</summary>
    public Tensor StdPerParameter(ArchitectureSpec architecture) => Expand(architecture, Stds);

    /// <summary>Expands the per-layer means to one value per parameter, <c>[P]</c>, float32.</summary>
    public Tensor MeanPerParameter(ArchitectureSpec architecture) => Expand(architecture, Means);

    private static Tensor Expand(ArchitectureSpec architecture, IReadOnlyList<double> values)
    {
        var layers = architecture.Layout.Layers;
        if (layers.Count != values.Count)
        {
            throw new ArchitectureException(
                $"Statistics contain {values.Count} layers but '{architecture.Name}' has {layers.Count}.");
        }

        var expanded = new float[architecture.ParameterCount];
        for (int i = 0; i < layers.Count; i++)
        {
            Array.Fill(expanded, (float)values[i], layers[i].Offset, layers[i].Length);
        }

        return tensor(expanded);
    }
}
