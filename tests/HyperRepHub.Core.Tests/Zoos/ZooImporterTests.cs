using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Zoos;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Zoos;

public sealed class ZooImporterTests : IDisposable
{
    private static readonly ArchitectureSpec Spec = BuiltInArchitectures.CnnSmall;
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Import_PublicLayout_ReadsCheckpointsResultsAndSeeds()
    {
        var destination = _directory.Combine("imported");

        var models = new ZooImporter().Import(new ZooImportOptions(Fixtures.PublicZoo, destination, Spec, "mnist"));

        var zoo = Zoo.Open(destination);
        Assert.Equal(3, models.Count);
        Assert.All(models, m => Assert.Empty(m.Warnings));
        Assert.Equal([1L, 2L, 3L], zoo.Models.Select(m => m.Seed));
        Assert.All(zoo.Models, m => Assert.Equal([0, 1, 2], m.CheckpointEpochs));
        Assert.All(zoo.Models, m => Assert.Equal([0, 1, 2], m.Epochs.Select(e => e.Epoch)));
        Assert.Equal(2, zoo.Manifest.CompletedEpochs);
        Assert.Null(zoo.Manifest.Training);
        Assert.Empty(zoo.VerifyFiles());
    }

    [Fact]
    public void Import_PytorchZoo_RecomputedAccuracyMatchesResultJson()
    {
        var destination = _directory.Combine("imported");
        new ZooImporter().Import(new ZooImportOptions(Fixtures.PublicZoo, destination, Spec, "mnist"));
        var (_, test) = DatasetCatalog.Load("mnist");

        var rows = ZooEvaluator.RecomputeTestAccuracy(Zoo.Open(destination), test);

        Assert.Equal(9, rows.Count);
        foreach (var row in rows)
        {
            Assert.True(Math.Abs(row.Recorded - row.Recomputed) <= 0.005,
                $"{row.ModelId} epoch {row.Epoch}: result.json {row.Recorded:P2}, recomputed {row.Recomputed:P2}");
        }

        Assert.True(rows.Where(r => r.Epoch == 2).All(r => r.Recomputed > 0.8));
    }

    [Fact]
    public void Import_PlainFolder_ReadsPickleAndSafetensorsFiles()
    {
        var source = Directory.CreateDirectory(_directory.Combine("plain")).FullName;
        var pickle = Path.Combine(PublicZooModel(0), "checkpoint_000002", "checkpoints");
        File.Copy(pickle, Path.Combine(source, "a.pt"));
        using var flat = randn(Spec.ParameterCount);
        WeightsFile.Save(Path.Combine(source, "b.safetensors"), Spec, flat);
        var destination = _directory.Combine("imported");

        var models = new ZooImporter().Import(new ZooImportOptions(source, destination, Spec, "mnist",
            PlainFileEpoch: 50));

        var zoo = Zoo.Open(destination);
        Assert.Equal(2, models.Count);
        Assert.Equal(WeightsFile.LoadFlat(pickle, Spec).data<float>().ToArray(), zoo.LoadWeights("model-0000", 50));
        Assert.Equal(flat.data<float>().ToArray(), zoo.LoadWeights("model-0001", 50));
    }

    [Fact]
    public void Import_DataParallelPrefix_IsRecognised()
    {
        using var flat = randn(Spec.ParameterCount);
        var stateDict = StateDictMapper.ToStateDict(Spec, flat).ToDictionary(p => "module." + p.Key, p => p.Value);
        var source = WritePlain("dp.safetensors", stateDict);

        new ZooImporter().Import(new ZooImportOptions(source, _directory.Combine("imported"), Spec, "mnist"));

        Assert.Equal(flat.data<float>().ToArray(), Zoo.Open(_directory.Combine("imported")).LoadWeights("model-0000", 0));
    }

    [Fact]
    public void Import_MisshapenTensor_ThrowsNamingKeyAndFile()
    {
        var stateDict = StateDictMapper.ToStateDict(Spec, zeros(Spec.ParameterCount));
        stateDict["3.weight"] = zeros(6, 8, 3, 3);
        var source = WritePlain("bad.safetensors", stateDict);

        var error = Assert.Throws<ArchitectureException>(() =>
            new ZooImporter().Import(new ZooImportOptions(source, _directory.Combine("imported"), Spec, "mnist")));

        Assert.Contains("bad.safetensors", error.Message);
        Assert.Contains("'3.weight' has shape [6, 8, 3, 3], expected [6, 8, 5, 5]", error.Message);
    }

    [Fact]
    public void Import_NonFiniteWeights_SkipsCheckpoint()
    {
        var flat = randn(Spec.ParameterCount);
        flat[100] = float.NaN;
        flat[200] = float.PositiveInfinity;
        var source = WritePlain("nan.safetensors", StateDictMapper.ToStateDict(Spec, flat));
        var destination = _directory.Combine("imported");

        var models = new ZooImporter().Import(new ZooImportOptions(source, destination, Spec, "mnist"));

        var warning = Assert.Single(Assert.Single(models).Warnings);
        Assert.Contains("2 non-finite weights", warning);
        var record = Zoo.Open(destination).GetModel("model-0000");
        Assert.Empty(record.CheckpointEpochs);
        Assert.Equal(warning, Assert.Single(record.Warnings!));
    }

    [Fact]
    public void Import_EmptyFolder_ThrowsSayingWhatIsExpected()
    {
        var source = Directory.CreateDirectory(_directory.Combine("empty")).FullName;

        var error = Assert.Throws<ZooFormatException>(() =>
            new ZooImporter().Import(new ZooImportOptions(source, _directory.Combine("imported"), Spec, "mnist")));

        Assert.Contains("contains no models", error.Message);
    }

    private static string PublicZooModel(int index) => PublicZooLayout.FindModelFolders(Fixtures.PublicZoo)[index];

    private string WritePlain(string fileName, Dictionary<string, Tensor> stateDict)
    {
        var source = Directory.CreateDirectory(_directory.Combine("plain")).FullName;
        Safetensors.SaveStateDict(Path.Combine(source, fileName), stateDict);
        return source;
    }
}
