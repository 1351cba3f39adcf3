using TorchSharp;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Native;

public sealed class TorchNativeLoadTests
{
    [Fact]
    public void TorchSharp_ForwardAndBackward_ProducesFiniteGradients()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(7);
        var linear = nn.Linear(4, 3);
        var input = randn(new long[] { 5, 4 }, generator: generator);

        var loss = linear.forward(input).pow(2).mean();
        loss.backward();

        var gradient = linear.weight!.grad!;
        Assert.Equal(new long[] { 3, 4 }, gradient.shape);
        Assert.True(isfinite(gradient).all().item<bool>());
        Assert.True(gradient.abs().sum().item<float>() > 0f);
    }
}
