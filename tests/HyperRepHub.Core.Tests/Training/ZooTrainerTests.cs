using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Training;
using HyperRepHub.Core.Zoos;

namespace HyperRepHub.Core.Tests.Training;

public sealed class ZooTrainerTests : IDisposable
{
    private static readonly ZooTrainingConfig Config = TrainingPresets.Fast with { Epochs = 2, BatchSize = 16 };
    private readonly TemporaryDirectory _directory = new();
    private readonly ImageDataset _train = TestData.RandomImages(48, seed: 1);
    private readonly ImageDataset _test = TestData.RandomImages(16, seed: 2, "test");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Train_SmallZoo_WritesEveryEpochAndManifest()
    {
        var request = Request("zoo");

        var manifest = new ZooTrainer().Train(request, _train, _test);

        var zoo = Zoo.Open(request.Directory);
        Assert.Equal(2, manifest.CompletedEpochs);
        Assert.Equal(3, zoo.Models.Count);
        Assert.All(zoo.Models, m => Assert.Equal([0, 1, 2], m.CheckpointEpochs));
        Assert.All(zoo.Models, m => Assert.Equal([0, 1, 2], m.Epochs.Select(e => e.Epoch)));
        Assert.Equal([1L, 2L, 3L], zoo.Models.Select(m => m.Seed));
        Assert.Empty(zoo.VerifyFiles());
        Assert.NotNull(manifest.Summary);
    }

    [Fact]
    public void Train_TwoWorkers_WritesTheSameWeights()
    {
        var single = Request("single");
        var sharded = Request("sharded") with { Workers = 2 };

        new ZooTrainer().Train(single, _train, _test);
        new ZooTrainer().Train(sharded, _train, _test);

        var reference = Zoo.Open(single.Directory);
        var actual = Zoo.Open(sharded.Directory);
        foreach (var model in reference.Models)
        {
            var expected = reference.LoadWeights(model.Id, 2);
            var weights = actual.LoadWeights(model.Id, 2);
            Assert.Equal(expected.Length, weights.Length);
            Assert.All(expected.Zip(weights), pair => Assert.Equal(pair.First, pair.Second, 1e-4));
        }
    }

    [Fact]
    public void Train_CancelledThenRerun_EqualsUninterruptedRun()
    {
        var uninterrupted = Request("uninterrupted");
        new ZooTrainer().Train(uninterrupted, _train, _test);
        var interrupted = Request("interrupted");
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Epoch == 2 && p.Step == 1)
            {
                cancellation.Cancel();
            }
        });

        Assert.Throws<OperationCanceledException>(() =>
            new ZooTrainer().Train(interrupted, _train, _test, progress, cancellation.Token));
        var stopped = Zoo.Open(interrupted.Directory);
        new ZooTrainer().Train(interrupted, _train, _test);

        Assert.Equal(1, stopped.Manifest.CompletedEpochs);
        var resumed = Zoo.Open(interrupted.Directory);
        var reference = Zoo.Open(uninterrupted.Directory);
        Assert.Equal(2, resumed.Manifest.CompletedEpochs);
        foreach (var model in reference.Models)
        {
            Assert.Equal(reference.LoadWeights(model.Id, 2), resumed.LoadWeights(model.Id, 2));
            Assert.Equal(model.Epochs, resumed.GetModel(model.Id).Epochs);
        }
    }

    [Fact]
    public void Train_DifferentZooInFolder_ThrowsNamingFolder()
    {
        var request = Request("zoo");
        new ZooTrainer().Train(request with { Config = Config with { Epochs = 0 } }, _train, _test);

        var error = Assert.Throws<ZooFormatException>(() => new ZooTrainer().Train(request, _train, _test));

        Assert.Contains("contains a different zoo", error.Message);
    }

    [Fact]
    public void Train_RealMnistSubset_ImprovesTestAccuracy()
    {
        var (train, test) = DatasetCatalog.Load("mnist");
        var request = Request("mnist") with { Models = 2, Config = Config with { Epochs = 1 } };

        new ZooTrainer().Train(request, TestData.Take(train, 640), TestData.Take(test, 400));

        foreach (var model in Zoo.Open(request.Directory).Models)
        {
            Assert.True(model.Epochs[1].TestAccuracy > model.Epochs[0].TestAccuracy + 0.2,
                $"{model.Id}: {model.Epochs[0].TestAccuracy:P1} -> {model.Epochs[1].TestAccuracy:P1}");
            Assert.True(model.Epochs[1].TrainLoss < model.Epochs[0].TrainLoss);
        }
    }

    private ZooTrainingRequest Request(string name) => new(_directory.Combine(name), name, "random",
        BuiltInArchitectures.CnnSmall, Models: 3, Config);

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
