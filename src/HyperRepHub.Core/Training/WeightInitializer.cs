using HyperRepHub.Core.Architectures;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Training;

/// <summary>
/// Draws a model's initial flat weight vector from its seed alone: layer by layer, the weight then the bias, from one
/// <see cref="Generator"/> seeded with the model's seed.
/// </summary>
/// <remarks>
/// NOTE: the distributions match PyTorch's, but the draws are not bit-identical to a PyTorch model built after
/// <c>torch.manual_seed(seed)</c>, because PyTorch consumes its generator in a different order.
/// </remarks>
public static class WeightInitializer
{
    /// <summary>Returns a float32 vector <c>[P]</c> of initial weights.</summary>
    public static Tensor Initialize(ArchitectureSpec spec, ZooTrainingConfig config, InitScheme scheme, long seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(config);
        var generator = new Generator((ulong)seed);
        var parts = new List<Tensor>();
        foreach (var layer in spec.Layout.Layers)
        {
            var (weight, bias) = InitializeLayer(layer, config, scheme, generator);
            parts.Add(weight);
            parts.Add(bias);
        }

        return cat(parts, 0); // [P]
    }

    private static (Tensor Weight, Tensor Bias) InitializeLayer(
        ParameterLayer layer, ZooTrainingConfig config, InitScheme scheme, Generator generator)
    {
        switch (scheme)
        {
            case InitScheme.Uniform01:
                return (rand(layer.WeightLength, generator: generator),
                    full(layer.Neurons, config.BiasFill, dtype: float32));
            case InitScheme.UniformRange:
                return (Uniform(layer.WeightLength, config.InitLow, config.InitHigh, generator),
                    full(layer.Neurons, config.BiasFill, dtype: float32));
            case InitScheme.KaimingUniform:
            {
                // kaiming_uniform_ with a = √5 gives the bound √(6 / ((1 + 5) · fan_in)) = 1 / √fan_in.
                double bound = 1.0 / Math.Sqrt(layer.FanIn);
                return (Uniform(layer.WeightLength, -bound, bound, generator),
                    Uniform(layer.Neurons, -bound, bound, generator));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown initialisation scheme.");
        }
    }

    private static Tensor Uniform(long count, double low, double high, Generator generator) =>
        rand(count, generator: generator).mul_(high - low).add_(low);
}
