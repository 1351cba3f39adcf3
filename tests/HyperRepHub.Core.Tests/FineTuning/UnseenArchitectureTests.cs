using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Evaluation;
using HyperRepHub.Core.FineTuning;
using HyperRepHub.Core.Training;

namespace HyperRepHub.Core.Tests.FineTuning;

public sealed class UnseenArchitectureTests
{
    private static (ImageDataset Train, ImageDataset Test) MnistSubset(int trainCount, int testCount)
    {
        var (train, test) = DatasetCatalog.Load("mnist");
        return (
            train with { Images = train.Images.narrow(0, 0, trainCount), Labels = train.Labels.narrow(0, 0, trainCount) },
            test with { Images = test.Images.narrow(0, 0, testCount), Labels = test.Labels.narrow(0, 0, testCount) });
    }

    [Fact]
    public void Residual_ZeroSkips_KeepsCnnSmallAccuracy()
    {
        var (_, test) = MnistSubset(1, 300);
        var cnnSmall = FineTuneBaselines.FromScratch(BuiltInArchitectures.CnnSmall, TrainingPresets.Fast, 3, 5);

        var mapped = ArchitectureMapper.Map(BuiltInArchitectures.CnnSmall, cnnSmall,
            BuiltInArchitectures.CnnSmallResidual, seed: 1, zeroResiduals: true);

        var original = PopulationEvaluator.Evaluate(BuiltInArchitectures.CnnSmall, cnnSmall, test);
        var placed = PopulationEvaluator.Evaluate(BuiltInArchitectures.CnnSmallResidual, mapped, test);
        Assert.Equal(original.Accuracies, placed.Accuracies);
    }

    [Theory]
    [InlineData("cnn-s-4conv")]
    [InlineData("cnn-s-residual")]
    public void FineTune_MappedWeights_LowersLoss(string variant)
    {
        var (train, test) = MnistSubset(600, 300);
        var target = BuiltInArchitectures.Get(variant);
        var cnnSmall = FineTuneBaselines.FromScratch(BuiltInArchitectures.CnnSmall, TrainingPresets.Fast, 2, 9);
        var mapped = ArchitectureMapper.Map(BuiltInArchitectures.CnnSmall, cnnSmall, target, seed: 2);
        using var directory = new TemporaryDirectory();
        var options = new FineTuneOptions(Epochs: 1, LearningRate: 1e-3, BatchSize: 32);

        var result = new FineTuner(target, train, test, options, directory.Path).Run(mapped);

        Assert.True(result.History[1].MeanLoss < result.History[0].MeanLoss,
            $"{variant}: loss went from {result.History[0].MeanLoss} to {result.History[1].MeanLoss}");
    }
}
