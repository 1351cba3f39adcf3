using HyperRepHub.Core.HyperRepresentations;
using HyperRepHub.Core.HyperRepresentations.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.HyperRepresentations;

public sealed class HyperRepresentationFolderTests
{
    [Fact]
    public void SaveThenLoad_RestoresNetworkAnchorsAndSettings()
    {
        var data = SyntheticZoo.CnnSmallData();
        using var trained = new HyperRepTrainer(data, SyntheticZoo.TinyConfig with { Epochs = 2 },
            SyntheticZoo.TemporaryDirectory()).Train();
        var original = trained.HyperRepresentation;
        string folder = SyntheticZoo.TemporaryDirectory();

        HyperRepresentationFolder.Save(original, folder);
        using var loaded = HyperRepresentationFolder.Load(folder);

        Assert.Equal(original.Config, loaded.Config);
        Assert.True(original.Architecture.IsSameNetwork(loaded.Architecture));
        Assert.Equal(original.Statistics.Stds, loaded.Statistics.Stds);
        Assert.Equal(original.Anchors.ModelIds, loaded.Anchors.ModelIds);
        Assert.Equal(original.Anchors.Epochs, loaded.Anchors.Epochs);
        Assert.Equal(original.Anchors.Accuracies, loaded.Anchors.Accuracies);
        Assert.True(loaded.Anchors.Embeddings.eq(original.Anchors.Embeddings).all().item<bool>());
        TrainingTests.AssertSameParameters(original, loaded);
        using var scope = NewDisposeScope();
        var weights = data.Test!.Weights;
        Assert.True(loaded.Decode(loaded.Encode(weights)).allclose(original.Decode(original.Encode(weights))));
    }

    [Fact]
    public void Load_TruncatedModelFile_ThrowsInvalidDataNamingTheFile()
    {
        var data = SyntheticZoo.CnnSmallData();
        using var trained = new HyperRepTrainer(data, SyntheticZoo.TinyConfig with { Epochs = 1 },
            SyntheticZoo.TemporaryDirectory()).Train();
        string folder = SyntheticZoo.TemporaryDirectory();
        HyperRepresentationFolder.Save(trained.HyperRepresentation, folder);
        string model = Path.Combine(folder, HyperRepresentationFolder.ModelFile);
        using (var stream = File.Open(model, FileMode.Open))
        {
            stream.SetLength(100);
        }

        var error = Assert.Throws<InvalidDataException>(() => HyperRepresentationFolder.Load(folder));

        Assert.Contains(model, error.Message);
        Assert.Contains("damaged or incomplete", error.Message);
    }

    [Fact]
    public void Load_UnfinishedTraining_SaysToResume()
    {
        var data = SyntheticZoo.CnnSmallData();
        string folder = SyntheticZoo.TemporaryDirectory();
        using var cancellation = new CancellationTokenSource();
        var trainer = new HyperRepTrainer(data, SyntheticZoo.TinyConfig with { Epochs = 3 },
            Path.Combine(folder, "training"));
        Assert.Throws<OperationCanceledException>(() =>
            trainer.Train(p => { if (p.Epoch == 1) cancellation.Cancel(); }, cancellation.Token));

        var error = Assert.Throws<InvalidDataException>(() => HyperRepresentationFolder.Load(folder));

        Assert.Contains("has not finished (checkpoint after epoch 1)", error.Message);
    }

    [Fact]
    public void Load_MissingModelFile_ThrowsNamingTheFile()
    {
        var data = SyntheticZoo.CnnSmallData();
        using var trained = new HyperRepTrainer(data, SyntheticZoo.TinyConfig with { Epochs = 1 },
            SyntheticZoo.TemporaryDirectory()).Train();
        string folder = SyntheticZoo.TemporaryDirectory();
        HyperRepresentationFolder.Save(trained.HyperRepresentation, folder);
        File.Delete(Path.Combine(folder, HyperRepresentationFolder.ModelFile));

        var error = Assert.Throws<FileNotFoundException>(() => HyperRepresentationFolder.Load(folder));

        Assert.Contains(HyperRepresentationFolder.ModelFile, error.Message);
    }
}
