using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Training;
using HyperRepHub.Core.Zoos;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Zoos;

public sealed class ZooRoundTripTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void LoadWeights_AfterSave_ReturnsSameVector()
    {
        var (writer, weights) = WriteZoo(models: 3, epochs: [0, 1, 2]);

        var zoo = Zoo.Open(writer.Directory);
        var loaded = zoo.LoadWeights(ZooPaths.ModelId(1), 2);

        Assert.Equal(BuiltInArchitectures.CnnSmall.ParameterCount, loaded.Length);
        Assert.Equal(weights[(1, 2)], loaded);
    }

    [Fact]
    public void LoadCheckpoints_TrainSplit_StacksRowsWithMetadata()
    {
        var (writer, weights) = WriteZoo(models: 10, epochs: [0, 1, 2]);
        var zoo = Zoo.Open(writer.Directory);
        var trainIds = zoo.ModelIdsIn(ZooSplit.Train);

        var batch = zoo.LoadCheckpoints(ZooSplit.Train, [1, 2]);

        Assert.Equal(7, trainIds.Count);
        Assert.Equal(new long[] { 14, 2464 }, batch.Weights.shape);
        Assert.Equal(trainIds.SelectMany(id => new[] { id, id }), batch.ModelIds);
        Assert.Equal(Enumerable.Repeat(new[] { 1, 2 }, 7).SelectMany(e => e), batch.Epochs);
        int index = int.Parse(batch.ModelIds[3]["model-".Length..]);
        Assert.Equal(0.5 + index / 100.0 + 2 / 1000.0, batch.TestAccuracies[3], 12);
        Assert.Equal(weights[(index, 2)], batch.Weights[3].data<float>().ToArray());
    }

    [Fact]
    public void Open_Manifest_ListsSplitHashesAndSummary()
    {
        var (writer, _) = WriteZoo(models: 20, epochs: [0, 1]);

        var zoo = Zoo.Open(writer.Directory);

        Assert.Equal(14, zoo.ModelIdsIn(ZooSplit.Train).Count);
        Assert.Equal(3, zoo.ModelIdsIn(ZooSplit.Validation).Count);
        Assert.Equal(3, zoo.ModelIdsIn(ZooSplit.Test).Count);
        Assert.Equal(3, zoo.Manifest.Models[0].Files.Count);
        Assert.All(zoo.Manifest.Models.SelectMany(m => m.Files), f => Assert.Equal(64, f.Sha256.Length));
        Assert.Equal(1, zoo.Manifest.CompletedEpochs);
        Assert.Equal(20, zoo.Manifest.Summary!.Models);
        Assert.Empty(zoo.VerifyFiles());
        Assert.True(zoo.Architecture.IsSameNetwork(BuiltInArchitectures.CnnSmall));
        Assert.Equal(TrainingPresets.Fast, zoo.Manifest.Training! with { CheckpointEpochs = null });
    }

    [Fact]
    public void VerifyFiles_ChangedCheckpoint_ReportsHashMismatch()
    {
        var (writer, _) = WriteZoo(models: 2, epochs: [0]);
        var path = ZooPaths.Checkpoint(writer.Directory, ZooPaths.ModelId(0), 0);
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var problems = Zoo.Open(writer.Directory).VerifyFiles();

        var problem = Assert.Single(problems);
        Assert.Contains("model-0000/epoch-0.safetensors", problem);
    }

    [Fact]
    public void Create_ExistingZoo_Throws()
    {
        var (writer, _) = WriteZoo(models: 1, epochs: [0]);

        var error = Assert.Throws<ZooFormatException>(() => ZooWriter.Create(writer.Directory, "again",
            BuiltInArchitectures.CnnSmall, "mnist", ZooSplitRatios.Default, null, []));

        Assert.Contains("already exists", error.Message);
    }

    [Fact]
    public void SaveCheckpoint_Completed_LeavesNoTemporaryFiles()
    {
        var (writer, _) = WriteZoo(models: 2, epochs: [0, 1]);

        var files = Directory.GetFiles(writer.Directory, "*", SearchOption.AllDirectories);

        Assert.DoesNotContain(files, AtomicFile.IsTemporary);
        Assert.Equal(1 + 2 * 3, files.Length);
    }

    [Fact]
    public void LoadWeights_MissingEpoch_ThrowsNamingEpochs()
    {
        var (writer, _) = WriteZoo(models: 1, epochs: [0, 2]);

        var error = Assert.Throws<KeyNotFoundException>(() => Zoo.Open(writer.Directory).LoadWeights("model-0000", 1));

        Assert.Contains("epoch 1", error.Message);
        Assert.Contains("0, 2", error.Message);
    }

    private (ZooWriter Writer, Dictionary<(int, int), float[]> Weights) WriteZoo(int models, int[] epochs)
    {
        var spec = BuiltInArchitectures.CnnSmall;
        var records = Enumerable.Range(0, models).Select(i => new ModelRecord(ZooPaths.ModelId(i), i + 1,
            TrainingPresets.Fast.HyperParametersOf(i + 1), [], [])).ToArray();
        var config = TrainingPresets.Fast with { CheckpointEpochs = epochs };
        var writer = ZooWriter.Create(_directory.Combine("zoo"), "test", spec, "mnist", ZooSplitRatios.Default,
            config, records);
        var weights = new Dictionary<(int, int), float[]>();
        var generator = new Generator(5);
        for (int i = 0; i < models; i++)
        {
            foreach (var epoch in epochs)
            {
                using var flat = randn([spec.ParameterCount], generator: generator);
                writer.SaveCheckpoint(ZooPaths.ModelId(i), epoch, flat);
                weights[(i, epoch)] = flat.data<float>().ToArray();
            }

            var metrics = epochs.Select(e => new EpochMetrics(e, 1.0, 0.5, 1.0, 0.5 + i / 100.0 + e / 1000.0)).ToArray();
            writer.SaveRecord(records[i] with { Epochs = metrics, CheckpointEpochs = epochs });
        }

        writer.WriteManifest(completedEpochs: epochs.Max());
        return (writer, weights);
    }
}
