using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.FineTuning;
using HyperRepHub.Core.Tests.Evaluation;
using HyperRepHub.Core.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.FineTuning;

public sealed class FineTunerTests
{
    private static readonly FineTuneOptions Options = new(Epochs: 4, LearningRate: 0.05, BatchSize: 16);

    /// <summary>Images labelled by a fixed linear teacher, so a linear model can learn them.</summary>
    private static ImageDataset Teacher(int count, long seed)
    {
        var dataset = TinyPopulation.Dataset(count, seed);
        var teacher = TinyPopulation.Weights(1, seed: 99)[0];
        return dataset with { Labels = TinyPopulation.Logits(teacher, dataset).argmax(1) };
    }

    [Fact]
    public void Run_FourEpochs_LowersLossOfEveryModel()
    {
        using var directory = new TemporaryDirectory();
        var tuner = new FineTuner(TinyPopulation.Spec, Teacher(256, 1), Teacher(128, 2), Options, directory.Path);
        var progress = new List<FineTuneProgress>();

        var result = tuner.Run(TinyPopulation.Weights(5, seed: 3), progress.Add);

        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, result.History.Select(h => h.Epoch));
        for (int m = 0; m < 5; m++)
        {
            Assert.True(result.History[^1].TestLosses[m] < result.History[0].TestLosses[m], $"model {m} loss rose");
        }

        Assert.Equal(5, progress.Count(p => p.Evaluated is not null));
        Assert.Equal(4 * 16, progress.Count(p => p.Evaluated is null));
        Assert.Equal(new long[] { 5, 15 }, result.Weights.shape);
    }

    [Fact]
    public void Run_CancelledThenResumed_EndsLikeUninterruptedRun()
    {
        using var uninterruptedDirectory = new TemporaryDirectory();
        using var resumedDirectory = new TemporaryDirectory();
        var train = Teacher(256, 1);
        var test = Teacher(128, 2);
        var weights = TinyPopulation.Weights(3, seed: 4);
        using var cancellation = new CancellationTokenSource();

        var uninterrupted = new FineTuner(TinyPopulation.Spec, train, test, Options, uninterruptedDirectory.Path)
            .Run(weights);
        Assert.Throws<OperationCanceledException>(() =>
            new FineTuner(TinyPopulation.Spec, train, test, Options, resumedDirectory.Path).Run(weights,
                p => { if (p.Epoch == 2 && p.Evaluated is not null) cancellation.Cancel(); }, cancellation.Token));
        var afterCancel = FineTuneCheckpoint.TryRead(resumedDirectory.Path);
        var resumed = new FineTuner(TinyPopulation.Spec, train, test, Options, resumedDirectory.Path).Run(weights);

        Assert.Equal(2, afterCancel!.CompletedEpochs);
        Assert.True(File.Exists(FineTuneCheckpoint.EpochPath(resumedDirectory.Path, 2)));
        Assert.Equal(uninterrupted.History.Select(h => h.MeanLoss), resumed.History.Select(h => h.MeanLoss));
        Assert.True(uninterrupted.Weights.allclose(resumed.Weights, rtol: 1e-6, atol: 1e-7));
    }

    [Fact]
    public void Run_FolderOfOtherSettings_Throws()
    {
        using var directory = new TemporaryDirectory();
        var train = Teacher(64, 1);
        var test = Teacher(32, 2);
        new FineTuner(TinyPopulation.Spec, train, test, Options with { Epochs = 1 }, directory.Path)
            .Run(TinyPopulation.Weights(2, seed: 1));

        var error = Assert.Throws<InvalidOperationException>(() =>
            new FineTuner(TinyPopulation.Spec, train, test, Options with { Epochs = 1, LearningRate = 0.1 },
                directory.Path).Run(TinyPopulation.Weights(2, seed: 1)));

        Assert.Contains("use an empty folder or the same settings", error.Message);
    }

    [Fact]
    public void FromZoo_PaperPreset_CopiesOptimiserSettings()
    {
        var options = FineTuneOptions.FromZoo(TrainingPresets.Paper, epochs: 1);

        Assert.Equal(OptimizerKind.Adam, options.Optimizer);
        Assert.Equal(3e-4, options.LearningRate);
        Assert.Equal(10, options.BatchSize);
    }

    [Fact]
    public void FromScratch_SameSeeds_SameInitialWeights()
    {
        var spec = HyperRepHub.Core.Architectures.BuiltInArchitectures.CnnSmall;

        var first = FineTuneBaselines.FromScratch(spec, TrainingPresets.Paper, 3, seedBase: 10);
        var second = FineTuneBaselines.FromScratch(spec, TrainingPresets.Paper, 3, seedBase: 10);

        Assert.Equal(new long[] { 3, spec.ParameterCount }, first.shape);
        Assert.True(first.equal(second).all().item<bool>());
        Assert.True(first.min().item<float>() >= 0f, "U(0, 1) init gave a negative weight");
    }
}
