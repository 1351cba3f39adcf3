using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HyperRepHub.Core.HyperRepresentations.Model;

/// <summary>
/// Initialises a module's parameters from one generator, so that the seed alone decides them even when other
/// code uses libtorch's global generator at the same time.
/// </summary>
internal static class ParameterInitializer
{
    /// <summary>
    /// Draws linear weights from U(-1/√fan_in, 1/√fan_in) (PyTorch's default bound), position embeddings and the
    /// compression token from N(0, 0.02²), sets normalisation scales to 1 and every bias to 0.
    /// </summary>
    public static void Initialize(Module module, Generator generator)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in module.named_parameters())
        {
            string leaf = name[(name.LastIndexOf('.') + 1)..];
            if (leaf == "bias")
            {
                parameter.zero_();
            }
            else if (name.Contains("norm", StringComparison.OrdinalIgnoreCase))
            {
                parameter.fill_(1);
            }
            else if (leaf is "positions" or "compressionToken")
            {
                parameter.copy_(randn(parameter.shape, generator: generator) * 0.02);
            }
            else
            {
                double bound = 1 / Math.Sqrt(parameter.shape[^1]);
                parameter.copy_((rand(parameter.shape, generator: generator) * 2 - 1) * bound);
            }
        }
    }
}
