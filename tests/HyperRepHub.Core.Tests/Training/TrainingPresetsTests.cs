using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Training;

namespace HyperRepHub.Core.Tests.Training;

public sealed class TrainingPresetsTests
{
    [Fact]
    public void Paper_Resolved_IsReleasedZooRecipe()
    {
        var config = TrainingPresets.Get("paper");
        var model = config.HyperParametersOf(config.SeedOf(0));

        Assert.Equal(InitScheme.Uniform01, config.Init);
        Assert.Equal(0.01, config.BiasFill);
        Assert.Equal(OptimizerKind.Adam, model.Optimizer);
        Assert.Equal(3e-4, model.LearningRate);
        Assert.Equal(10, model.BatchSize);
        Assert.Equal(50, config.Epochs);
        Assert.Equal(Enumerable.Range(0, 51), config.ResolvedCheckpointEpochs);
        Assert.Equal(1, config.SeedOf(0));
    }

    [Fact]
    public void Fast_Resolved_IsKaimingAdamBatch32()
    {
        var config = TrainingPresets.Get("FAST");

        Assert.Equal(InitScheme.KaimingUniform, config.Init);
        Assert.Equal(OptimizerKind.Adam, config.Optimizer);
        Assert.Equal(1e-3, config.LearningRate);
        Assert.Equal(32, config.BatchSize);
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingPresets()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingPresets.Get("slow"));

        Assert.Contains("'paper' or 'fast'", error.Message);
    }

    [Fact]
    public void HyperParametersOf_Grid_IsStable()
    {
        var config = TrainingPresets.Fast with { LearningRateGrid = [1e-3, 1e-4] };

        var rates = Enumerable.Range(1, 40).Select(s => config.HyperParametersOf(s).LearningRate).ToArray();

        Assert.Contains(1e-3, rates);
        Assert.Contains(1e-4, rates);
        Assert.Equal(rates, Enumerable.Range(1, 40).Select(s => config.HyperParametersOf(s).LearningRate));
    }

    [Fact]
    public void Validate_ZeroBatchSize_ThrowsNamingField()
    {
        var error = Assert.Throws<ArgumentException>(() => (TrainingPresets.Fast with { BatchSize = 0 }).Validate());

        Assert.Equal("BatchSize", error.ParamName);
    }

    [Fact]
    public void Initialize_Uniform01_WeightsInUnitIntervalBiasesFilled()
    {
        var spec = BuiltInArchitectures.CnnSmall;

        var flat = WeightInitializer.Initialize(spec, TrainingPresets.Paper, InitScheme.Uniform01, 5);
        var again = WeightInitializer.Initialize(spec, TrainingPresets.Paper, InitScheme.Uniform01, 5);

        var first = spec.Layout.Layers[0];
        var weights = flat.narrow(0, first.Offset, first.WeightLength);
        Assert.True(weights.min().item<float>() >= 0f);
        Assert.True(weights.max().item<float>() < 1f);
        Assert.Equal(0.01f, flat[first.BiasOffset].item<float>());
        Assert.Equal(flat.data<float>().ToArray(), again.data<float>().ToArray());
    }

    [Fact]
    public void Initialize_KaimingUniform_StaysInBound()
    {
        var spec = BuiltInArchitectures.CnnSmall;

        var flat = WeightInitializer.Initialize(spec, TrainingPresets.Fast, InitScheme.KaimingUniform, 5);

        var conv2 = spec.Layout.Layers[1];
        var slice = flat.narrow(0, conv2.Offset, conv2.Length);
        double bound = 1 / Math.Sqrt(conv2.FanIn);
        Assert.True(slice.abs().max().item<float>() <= bound);
        Assert.True(slice.abs().max().item<float>() > 0.9 * bound);
    }
}
