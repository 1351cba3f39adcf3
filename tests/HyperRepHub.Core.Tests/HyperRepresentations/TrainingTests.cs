using HyperRepHub.Core.HyperRepresentations;
using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.HyperRepresentations.Training;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.HyperRepresentations;

public sealed class TrainingTests
{
    [Fact]
    public void Train_TwentyEpochs_LowersLoss()
    {
        var data = SyntheticZoo.CnnSmallData();
        var config = SyntheticZoo.TinyConfig with { Epochs = 20 };
        var trainer = new HyperRepTrainer(data, config, SyntheticZoo.TemporaryDirectory());

        using var result = trainer.Train();
        var history = result.History;

        Assert.Equal(20, history.Count);
        Assert.True(history[^1].TrainReconstruction < 0.7 * history[0].TrainReconstruction,
            $"reconstruction went from {history[0].TrainReconstruction} to {history[^1].TrainReconstruction}");
        Assert.True(history[^1].ValidationLoss < history[0].ValidationLoss);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Train_ResumedAfterCancellation_EndsLikeUninterruptedRun(bool alignedWithLatentNoise)
    {
        var data = SyntheticZoo.CnnSmallData();
        var config = SyntheticZoo.TinyConfig with
        {
            Epochs = 4,
            AlignNeurons = alignedWithLatentNoise,
            LatentNoise = alignedWithLatentNoise ? 0.3 : 0,
        };
        string resumedDirectory = SyntheticZoo.TemporaryDirectory();
        using var cancellation = new CancellationTokenSource();

        using var uninterrupted = new HyperRepTrainer(data, config, SyntheticZoo.TemporaryDirectory()).Train();
        Assert.Throws<OperationCanceledException>(() => new HyperRepTrainer(data, config, resumedDirectory)
            .Train(p => { if (p.Epoch == 2) cancellation.Cancel(); }, cancellation.Token));
        var stateAfterCancel = TrainingCheckpoint.ReadState(resumedDirectory);
        using var resumed = new HyperRepTrainer(data, config, resumedDirectory).Train();

        Assert.Equal(2, stateAfterCancel.CompletedEpochs);
        Assert.Equal(uninterrupted.History.Select(h => h.TrainLoss), resumed.History.Select(h => h.TrainLoss));
        Assert.Equal(uninterrupted.History[^1].ValidationLoss, resumed.History[^1].ValidationLoss);
        AssertSameParameters(uninterrupted.HyperRepresentation, resumed.HyperRepresentation);
    }

    [Fact]
    public void Train_LatentNoise_ChangesTheTrainingLoss()
    {
        var data = SyntheticZoo.CnnSmallData();
        var config = SyntheticZoo.TinyConfig with { Epochs = 2 };

        using var plain = new HyperRepTrainer(data, config, SyntheticZoo.TemporaryDirectory()).Train();
        using var noisy = new HyperRepTrainer(data, config with { LatentNoise = 0.5 },
            SyntheticZoo.TemporaryDirectory()).Train();

        Assert.NotEqual(plain.History[^1].TrainLoss, noisy.History[^1].TrainLoss);
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void Validate_NonFiniteLatentNoise_ThrowsNamingField(double noise)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            (SyntheticZoo.TinyConfig with { LatentNoise = noise }).Validate());

        Assert.Equal(nameof(HyperRepConfig.LatentNoise), error.ParamName);
    }

    [Fact]
    public void Train_NaNCheckpoint_ThrowsNamingTheModel()
    {
        var data = SyntheticZoo.CnnSmallData();
        data.Train.Weights[3, 17] = float.NaN;

        var error = Assert.Throws<ArgumentException>(() =>
            new HyperRepTrainer(data, SyntheticZoo.TinyConfig, SyntheticZoo.TemporaryDirectory()));

        Assert.Contains("model 'train-1' at epoch 22", error.Message);
        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public void Train_OversizedBatch_ThrowsNamingBatchSize()
    {
        var data = SyntheticZoo.CnnSmallData();
        var config = SyntheticZoo.TinyConfig with { BatchSize = 500 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new HyperRepTrainer(data, config, SyntheticZoo.TemporaryDirectory()));

        Assert.Contains("BatchSize", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Train_KeptEpoch_MatchesSavedNetwork(bool keepBest)
    {
        var data = SyntheticZoo.CnnSmallData();
        var config = SyntheticZoo.TinyConfig with { Epochs = 4, KeepBestValidation = keepBest };

        using var result = new HyperRepTrainer(data, config, SyntheticZoo.TemporaryDirectory()).Train();

        var expected = keepBest ? result.History.MinBy(epoch => epoch.ValidationLoss)!.Epoch : 4;
        Assert.Equal(expected, result.KeptEpoch);
    }

    [Fact]
    public void Train_CheckpointWithOtherSettings_IsRejected()
    {
        var data = SyntheticZoo.CnnSmallData();
        string directory = SyntheticZoo.TemporaryDirectory();
        using var first = new HyperRepTrainer(data, SyntheticZoo.TinyConfig with { Epochs = 1 }, directory).Train();

        var error = Assert.Throws<InvalidOperationException>(() =>
            new HyperRepTrainer(data, SyntheticZoo.TinyConfig with { Epochs = 1, LearningRate = 0.1 }, directory)
                .Train());

        Assert.Contains("other settings (LearningRate was 0.003, now 0.1)", error.Message);
        Assert.DoesNotContain("DModel", error.Message);
    }

    [Fact]
    public void Train_Anchors_AreBoundedTrainEmbeddings()
    {
        var data = SyntheticZoo.CnnSmallData();

        using var result = new HyperRepTrainer(data, SyntheticZoo.TinyConfig with { Epochs = 1 },
            SyntheticZoo.TemporaryDirectory()).Train();
        var anchors = result.HyperRepresentation.Anchors;

        Assert.Equal(data.Train.Count, anchors.Count);
        Assert.Equal(data.Train.ModelIds, anchors.ModelIds);
        Assert.Equal(new long[] { data.Train.Count, 8 }, anchors.Embeddings.shape);
        Assert.True(anchors.Embeddings.abs().max().item<float>() < 1);
    }

    [Fact]
    public void Train_KeepBestOff_SavesTheLastEpochsNetwork()
    {
        var data = SyntheticZoo.CnnSmallData();
        var config = SyntheticZoo.TinyConfig with { Epochs = 3, KeepBestValidation = false };
        string directory = SyntheticZoo.TemporaryDirectory();

        using var result = new HyperRepTrainer(data, config, directory).Train();
        using var last = new HyperRepAutoencoder(data.Architecture, config);
        last.load_safetensors(Path.Combine(directory, TrainingCheckpoint.FolderName, "model.safetensors"));

        Assert.False(File.Exists(Path.Combine(directory, "best-model.safetensors")));
        var expected = last.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in result.HyperRepresentation.Network.named_parameters())
        {
            Assert.True(parameter.eq(expected[name]).all().item<bool>(), $"parameter {name} differs");
        }
    }

    internal static void AssertSameParameters(HyperRepresentation expected, HyperRepresentation actual)
    {
        var expectedParameters = expected.Network.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in actual.Network.named_parameters())
        {
            Assert.True(parameter.eq(expectedParameters[name]).all().item<bool>(), $"parameter {name} differs");
        }
    }
}
