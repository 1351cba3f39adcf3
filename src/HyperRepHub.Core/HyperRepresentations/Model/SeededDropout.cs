using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Model;

/// <summary>
/// Dropout that draws its masks from one <see cref="Generator"/> rather than libtorch's global one, so a training
/// run is reproducible and can be resumed exactly even while other runs share the process.
/// </summary>
public sealed class SeededDropout(double probability, Generator generator)
{
    /// <summary>Probability that a value is zeroed during training.</summary>
    public double Probability { get; } = probability;

    /// <summary>The generator the masks come from; its state is saved with training checkpoints.</summary>
    public Generator Generator { get; } = generator;

    /// <summary>
    /// Zeroes each value with <see cref="Probability"/> and rescales the rest, or returns x unchanged.
    /// </summary>
    public Tensor Apply(Tensor x, bool training)
    {
        if (!training || Probability <= 0)
        {
            return x;
        }

        var keep = rand(x.shape, dtype: x.dtype, device: x.device, generator: Generator) >= Probability;
        return x * keep / (1 - Probability);
    }
}
