using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Alignment;
using HyperRepHub.Core.HyperRepresentations.Augmentations;
using HyperRepHub.Core.HyperRepresentations.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.HyperRepresentations;

public sealed class AlignedTrainingDataTests
{
    [Fact]
    public void Create_PermutedCopies_AlignToOneModel()
    {
        using var scope = NewDisposeScope();
        var architecture = BuiltInArchitectures.CnnSmall;
        var model = SyntheticZoo.Weights(architecture, 1, seed: 4);
        var copies = new NeuronPermutation(architecture).Apply(model.expand(6, -1), new Generator(9));
        var data = SyntheticZoo.CnnSmallData() with { Train = Set(copies, "copy-") };

        var aligned = AlignedTrainingData.Create(data);

        var best = copies[NeuronAlignment.ReferenceIndex(data.Train.Epochs, data.Train.Accuracies)];
        Assert.Equal(1, aligned.Rounds);
        Assert.True(aligned.Reference.allclose(best, rtol: 1e-6, atol: 1e-7));
        Assert.True(aligned.Data.Train.Weights.allclose(best.expand(6, -1), rtol: 1e-6, atol: 1e-7));
    }

    [Fact]
    public void Create_DifferentModels_ReferenceIsFixedPoint()
    {
        using var scope = NewDisposeScope();
        var architecture = BuiltInArchitectures.CnnSmall;
        var models = randn(8, architecture.ParameterCount, generator: new Generator(12));
        var data = SyntheticZoo.CnnSmallData() with { Train = Set(models, "model-") };

        var aligned = AlignedTrainingData.Create(data);

        var train = aligned.Data.Train.Weights;
        Assert.InRange(aligned.Rounds, 1, AlignedTrainingData.MaxRounds - 1);
        Assert.True(aligned.Reference.allclose(train.mean([0]), rtol: 1e-5, atol: 1e-6));
        var again = new NeuronAlignment(architecture).Align(train, aligned.Reference);
        Assert.True(again.eq(train).all().item<bool>());
        var first = new NeuronAlignment(architecture).Align(models, models[NeuronAlignment.ReferenceIndex(
            data.Train.Epochs, data.Train.Accuracies)]);
        Assert.True(Spread(train) < Spread(first), "aligning to the mean should bring the models closer together");
    }

    private static WeightSet Set(Tensor weights, string prefix)
    {
        int rows = (int)weights.shape[0];
        return new WeightSet(weights.clone(), Enumerable.Range(0, rows).Select(i => $"{prefix}{i}").ToArray(),
            Enumerable.Repeat(25, rows).ToArray(), Enumerable.Range(0, rows).Select(i => 0.5 + 0.01 * i).ToArray());
    }

    private static double Spread(Tensor weights) =>
        (weights - weights.mean([0], keepdim: true)).square().sum().item<float>();
}
