using HyperRepHub.Core.HyperRepresentations;
using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.HyperRepresentations.Tokens;
using HyperRepHub.Core.HyperRepresentations.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.HyperRepresentations;

public sealed class InputNormalizationTests
{
    [Fact]
    public void EncodeDecode_WithNormalization_StandardisesInputsAndRestoresScale()
    {
        using var scope = NewDisposeScope();
        var data = SyntheticZoo.CnnSmallData();
        var architecture = data.Architecture;
        var statistics = LayerStatistics.Compute(architecture, data.Train.Weights);
        using var normalized = new HyperRepAutoencoder(architecture, SyntheticZoo.TinyConfig with { NormalizeInputs = true });
        using var plain = new HyperRepAutoencoder(architecture, SyntheticZoo.TinyConfig);
        normalized.SetNormalization(statistics);
        normalized.eval();
        plain.eval();
        var mean = statistics.MeanPerParameter(architecture);
        var std = statistics.StdPerParameter(architecture);
        var weights = data.Test!.Weights;

        var z = normalized.Encode(weights);
        var decoded = normalized.Decode(z);

        Assert.True(z.allclose(plain.Encode((weights - mean) / std), rtol: 1e-4, atol: 1e-5));
        Assert.True(decoded.allclose(plain.Decode(z) * std + mean, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void SaveThenLoad_WithNormalization_KeepsTheStatisticsBuffers()
    {
        var data = SyntheticZoo.CnnSmallData();
        var config = SyntheticZoo.TinyConfig with { Epochs = 1, NormalizeInputs = true };
        using var trained = new HyperRepTrainer(data, config, SyntheticZoo.TemporaryDirectory()).Train();
        string folder = SyntheticZoo.TemporaryDirectory();

        HyperRepresentationFolder.Save(trained.HyperRepresentation, folder);
        using var loaded = HyperRepresentationFolder.Load(folder);

        using var scope = NewDisposeScope();
        var buffers = loaded.Network.named_buffers().ToDictionary(b => b.name, b => b.buffer);
        var expectedScale = trained.HyperRepresentation.Statistics.StdPerParameter(data.Architecture);
        Assert.True(buffers["input_scale"].allclose(expectedScale));
        var weights = data.Test!.Weights;
        var original = trained.HyperRepresentation;
        Assert.True(loaded.Decode(loaded.Encode(weights)).allclose(original.Decode(original.Encode(weights))));
    }
}
