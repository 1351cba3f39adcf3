using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Sampling;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Sampling;

public sealed class PopulationFolderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "population-tests",
        Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Save_SmallerPopulationOverLarger_RemovesStaleModels()
    {
        using var scope = NewDisposeScope();
        var spec = BuiltInArchitectures.CnnSmall;
        PopulationFolder.Save(_directory, spec, randn(3, spec.ParameterCount), "first");

        PopulationFolder.Save(_directory, spec, randn(2, spec.ParameterCount), "second");
        var (_, weights, manifest) = PopulationFolder.Load(_directory);

        Assert.Equal(2, weights.shape[0]);
        Assert.Equal(["model-0000.safetensors", "model-0001.safetensors"],
            Directory.GetFiles(_directory, "model-*.safetensors").Select(Path.GetFileName).Order());
        Assert.Equal("second", manifest.Source);
    }

    [Fact]
    public void Save_FolderWithOtherFiles_ThrowsAndWritesNothing()
    {
        using var scope = NewDisposeScope();
        var spec = BuiltInArchitectures.CnnSmall;
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "manifest.json"), "{}");

        var error = Assert.Throws<IOException>(
            () => PopulationFolder.Save(_directory, spec, randn(2, spec.ParameterCount), "sample"));

        Assert.Contains("contains files but no population", error.Message);
        Assert.Single(Directory.GetFiles(_directory));
    }
}
