using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Population;
using HyperRepHub.Core.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Architectures;

public sealed class ArchitectureMapperTests
{
    private static readonly ArchitectureSpec Small = BuiltInArchitectures.CnnSmall;

    [Fact]
    public void Map_ResidualWithZeroSkips_ComputesSameFunction()
    {
        var weights = Weights(2);
        var images = randn([6, 1, 28, 28], generator: new Generator(3));
        var target = BuiltInArchitectures.CnnSmallResidual;

        var mapped = ArchitectureMapper.Map(Small, weights, target, seed: 1, zeroResiduals: true);

        var expected = PopulationForward.Forward(Small, PopulationForward.Unflatten(Small, weights), images);
        var actual = PopulationForward.Forward(target, PopulationForward.Unflatten(target, mapped), images);
        Assert.Equal(new long[] { 2, 2598 }, mapped.shape);
        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Map_ResidualRandomSkips_CopiesLayers()
    {
        var weights = Weights(1);
        var target = BuiltInArchitectures.CnnSmallResidual;

        var mapped = ArchitectureMapper.Map(Small, weights, target, seed: 1);
        var again = ArchitectureMapper.Map(Small, weights, target, seed: 1);

        var sourceLayers = Small.Layout.Layers;
        var targetLayers = target.Layout.Layers.Where(l => l.Kind != LayerKind.Residual1x1).ToArray();
        for (int i = 0; i < sourceLayers.Count; i++)
        {
            Assert.Equal(weights.narrow(1, sourceLayers[i].Offset, sourceLayers[i].Length).data<float>().ToArray(),
                mapped.narrow(1, targetLayers[i].Offset, targetLayers[i].Length).data<float>().ToArray());
        }

        var skip = target.Layout.Layers[1];
        var skipValues = mapped.narrow(1, skip.Offset, skip.Length);
        Assert.True(skipValues.abs().max().item<float>() <= 1 / Math.Sqrt(8));
        Assert.True(skipValues.abs().sum().item<float>() > 0);
        Assert.Equal(mapped.data<float>().ToArray(), again.data<float>().ToArray());
    }

    [Fact]
    public void Map_FourConv_RedistributesEveryValueInOrder()
    {
        var weights = Weights(2);

        var mapped = ArchitectureMapper.Map(Small, weights, BuiltInArchitectures.CnnSmallFourConv, seed: 1);

        Assert.Equal(weights.data<float>().ToArray(), mapped.data<float>().ToArray());
    }

    [Fact]
    public void Map_CnnLarge_ThrowsNamingBothArchitectures()
    {
        var error = Assert.Throws<ArchitectureException>(() =>
            ArchitectureMapper.Map(Small, Weights(1), BuiltInArchitectures.CnnLarge, seed: 1));

        Assert.Contains("'cnn-s' into 'cnn-l'", error.Message);
    }

    private static Tensor Weights(int models) => stack(Enumerable.Range(1, models).Select(s =>
        WeightInitializer.Initialize(Small, TrainingPresets.Fast, InitScheme.KaimingUniform, s)).ToArray());
}
