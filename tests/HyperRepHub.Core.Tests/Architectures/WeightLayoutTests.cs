using HyperRepHub.Core.Architectures;

namespace HyperRepHub.Core.Tests.Architectures;

public sealed class WeightLayoutTests
{
    [Fact]
    public void CnnSmall_Layout_HasPublishedOffsetsAndLengths()
    {
        var layout = BuiltInArchitectures.CnnSmall.Layout;

        Assert.Equal([0, 208, 1414, 1514, 2254], layout.Layers.Select(l => l.Offset));
        Assert.Equal([208, 1206, 100, 740, 210], layout.Layers.Select(l => l.Length));
        Assert.Equal([0, 3, 6, 9, 11], layout.Layers.Select(l => l.LayerIndex));
        Assert.Equal([26, 201, 25, 37, 21], layout.Layers.Select(l => l.TokenSize));
        Assert.Equal(48, layout.TokenCount);
        Assert.Equal(2464, layout.ParameterCount);
    }

    [Theory]
    [InlineData("cnn-s", 2464)]
    [InlineData("cnn-l", 10853)]
    [InlineData("cnn-s-4conv", 2464)]
    [InlineData("cnn-s-residual", 2598)]
    public void BuiltIn_ParameterCount_IsDocumented(string name, int parameters)
    {
        var spec = BuiltInArchitectures.Get(name);

        Assert.Equal(parameters, spec.ParameterCount);
    }

    [Theory]
    [InlineData("cnn-s")]
    [InlineData("cnn-l")]
    [InlineData("cnn-s-4conv")]
    [InlineData("cnn-s-residual")]
    public void FromJson_BuiltInSpec_RoundTrips(string name)
    {
        var spec = BuiltInArchitectures.Get(name);

        var parsed = ArchitectureSpec.FromJson(spec.ToJson());

        Assert.Equal(spec.Name, parsed.Name);
        Assert.True(parsed.IsSameNetwork(spec));
        Assert.Equal(spec.ParameterCount, parsed.ParameterCount);
    }

    [Fact]
    public void FromJson_BrokenChain_ThrowsNamingLayer()
    {
        var broken = BuiltInArchitectures.CnnSmall with
        {
            Layers = [.. BuiltInArchitectures.CnnSmall.Layers.Take(9), LayerSpec.Dense(40, 20)],
        };

        var error = Assert.Throws<ArchitectureException>(() => ArchitectureSpec.FromJson(broken.ToJson()));

        Assert.Contains("layer 9 (Linear)", error.Message);
        Assert.Contains("expects [40] input, got [36]", error.Message);
    }

    [Fact]
    public void ResidualVariant_Layout_PlacesSkipsAfterConvolutions()
    {
        var layout = BuiltInArchitectures.CnnSmallResidual.Layout;

        Assert.Equal(
            [LayerKind.Conv2d, LayerKind.Residual1x1, LayerKind.Conv2d, LayerKind.Residual1x1, LayerKind.Conv2d,
                LayerKind.Residual1x1, LayerKind.Linear, LayerKind.Linear],
            layout.Layers.Select(l => l.Kind));
        Assert.Equal(new long[] { 8, 8, 1, 1 }, layout.Layers[1].WeightShape);
        Assert.Equal(72, layout.Layers[1].Length);
    }
}
