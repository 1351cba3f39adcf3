using HyperRepHub.Core.HyperRepresentations.Training;

namespace HyperRepHub.Core.Tests.HyperRepresentations;

public sealed class CheckpointSafetyTests
{
    [Fact]
    public void Train_CheckpointOfOtherData_IsRejected()
    {
        var data = SyntheticZoo.CnnSmallData();
        var other = data with { Train = SyntheticZoo.Split(data.Architecture, 12, 7, "train-") };
        string directory = SyntheticZoo.TemporaryDirectory();
        using var first = new HyperRepTrainer(data, SyntheticZoo.TinyConfig with { Epochs = 1 }, directory).Train();

        var error = Assert.Throws<InvalidOperationException>(() =>
            new HyperRepTrainer(other, SyntheticZoo.TinyConfig with { Epochs = 1 }, directory).Train());

        Assert.Contains("other training data", error.Message);
        Assert.Equal(1, TrainingCheckpoint.ReadState(directory).CompletedEpochs);
    }

    [Fact]
    public void Train_CheckpointOfSameData_Resumes()
    {
        var data = SyntheticZoo.CnnSmallData();
        string directory = SyntheticZoo.TemporaryDirectory();
        using var first = new HyperRepTrainer(data, SyntheticZoo.TinyConfig with { Epochs = 1 }, directory).Train();

        using var resumed = new HyperRepTrainer(SyntheticZoo.CnnSmallData(), SyntheticZoo.TinyConfig with { Epochs = 1 },
            directory).Train();

        Assert.Single(resumed.History);
    }

    [Fact]
    public void Train_DivergingLoss_ThrowsBeforeCheckpoint()
    {
        var data = SyntheticZoo.CnnSmallData();
        string directory = SyntheticZoo.TemporaryDirectory();
        var config = SyntheticZoo.TinyConfig with { Epochs = 2, NoiseStd = 1e30 };

        var error = Assert.Throws<InvalidOperationException>(() =>
            new HyperRepTrainer(data, config, directory).Train());

        Assert.Contains("diverged in epoch 1", error.Message);
        Assert.False(TrainingCheckpoint.Exists(directory));
    }

    [Theory]
    [InlineData("optimizer.bin")]
    [InlineData("model.safetensors")]
    public void Train_TruncatedCheckpointFile_NamesTheFile(string file)
    {
        var data = SyntheticZoo.CnnSmallData();
        string directory = SyntheticZoo.TemporaryDirectory();
        using var first = new HyperRepTrainer(data, SyntheticZoo.TinyConfig with { Epochs = 1 }, directory).Train();
        string path = Path.Combine(directory, TrainingCheckpoint.FolderName, file);
        using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength(100);
        }

        var error = Assert.Throws<InvalidDataException>(() =>
            new HyperRepTrainer(data, SyntheticZoo.TinyConfig with { Epochs = 1 }, directory).Train());

        Assert.Contains(path, error.Message);
        Assert.Contains("to train from the start", error.Message);
    }
}
