using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Architectures;

/// <summary>
/// A 1×1 convolution added to its input, <c>y = x + conv1x1(x)</c>, with its parameters named <c>weight</c> and
/// <c>bias</c> directly, so in an <c>nn.Sequential</c> at index i they are <c>{i}.weight</c> and <c>{i}.bias</c>.
/// </summary>
public sealed class Residual1x1 : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;

    /// <summary>Creates the layer for <paramref name="channels"/> channels, initialised like <c>nn.Conv2d</c>.</summary>
    public Residual1x1(int channels) : base(nameof(Residual1x1))
    {
        double bound = 1.0 / Math.Sqrt(channels);
        weight = new Parameter(empty(channels, channels, 1, 1).uniform_(-bound, bound));
        bias = new Parameter(empty(channels).uniform_(-bound, bound));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input + nn.functional.conv2d(input, weight, bias);
}
