using HyperRepHub.Core.HyperRepresentations;
using HyperRepHub.Core.HyperRepresentations.Training;
using HyperRepHub.Core.Sampling;
using HyperRepHub.Core.Tests.HyperRepresentations;

namespace HyperRepHub.Core.Tests.Sampling;

public sealed class RealHyperRepresentationTests
{
    [Fact]
    public void Generate_TinyTrainedAutoencoder_ReproducibleAfterReload()
    {
        using var directory = new TemporaryDirectory();
        var data = SyntheticZoo.CnnSmallData();
        using var result = new HyperRepTrainer(data, SyntheticZoo.TinyConfig with { Epochs = 2 },
            directory.Combine("training")).Train();
        HyperRepresentationFolder.Save(result.HyperRepresentation, directory.Combine("saved"));
        using var reloaded = HyperRepresentationFolder.Load(directory.Combine("saved"));
        int parameters = reloaded.Architecture.ParameterCount;

        foreach (string method in SamplerMethods.Names.Where(m => m != SamplerMethods.Neighbour))
        {
            var options = new SamplerOptions { Method = method, TopFraction = 1, Seed = 4, GanSteps = 20 };
            var fromTrained = new WeightGenerator(result.HyperRepresentation).Generate(options, 6);
            var fromReloaded = new WeightGenerator(reloaded).Generate(options, 6);

            Assert.Equal(new long[] { 6, parameters }, fromTrained.shape);
            Assert.True(fromTrained.isfinite().all().item<bool>(), $"{method} decoded non-finite weights");
            Assert.True(fromTrained.allclose(fromReloaded, rtol: 1e-4, atol: 1e-5), $"{method} changed after reload");
        }
    }

    [Fact]
    public void Generate_NeighbourOnTwelveModels_NeedsMoreAnchors()
    {
        using var directory = new TemporaryDirectory();
        var data = SyntheticZoo.CnnSmallData();
        using var result = new HyperRepTrainer(data, SyntheticZoo.TinyConfig with { Epochs = 1 },
            directory.Path).Train();
        var generator = new WeightGenerator(result.HyperRepresentation);
        var options = new SamplerOptions { Method = SamplerMethods.Neighbour, TopFraction = 0.3 };

        var error = Assert.Throws<SamplingException>(() => generator.Generate(options, 4));

        Assert.Contains("needs at least 16 anchors", error.Message);
    }
}
