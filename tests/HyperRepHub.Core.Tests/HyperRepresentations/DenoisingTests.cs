using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Augmentations;
using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.HyperRepresentations.Tokens;
using HyperRepHub.Core.HyperRepresentations.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.HyperRepresentations;

public sealed class DenoisingTests
{
    [Fact]
    public void CreateViewsWithWeights_KeepsUnerasedWeights()
    {
        using var scope = NewDisposeScope();
        var architecture = BuiltInArchitectures.CnnSmall;
        var config = SyntheticZoo.TinyConfig with { PermutationProbability = 0, ErasingProbability = 1 };
        var weights = SyntheticZoo.Weights(architecture, 6, seed: 5);
        var augmenter = new ViewAugmenter(architecture, config);

        var (first, second) = augmenter.CreateViewsWithWeights(weights, new Generator(6));
        var (plainFirst, plainSecond) = augmenter.CreateViews(weights, new Generator(6));

        Assert.True(first.Weights.eq(weights).all().item<bool>());
        Assert.True(second.Weights.eq(weights).all().item<bool>());
        Assert.False(first.View.eq(weights).all().item<bool>());
        Assert.True(first.View.eq(plainFirst).all().item<bool>());
        Assert.True(second.View.eq(plainSecond).all().item<bool>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compute_Denoise_UsesMatchingTarget(bool denoise)
    {
        using var scope = NewDisposeScope();
        var architecture = BuiltInArchitectures.CnnSmall;
        var config = SyntheticZoo.TinyConfig with
        {
            PermutationProbability = 0, ErasingProbability = 1, Dropout = 0, Denoise = denoise,
        };
        var weights = SyntheticZoo.Weights(architecture, 4, seed: 7);
        using var network = new HyperRepAutoencoder(architecture, config);
        network.eval();
        var loss = new TrainingLoss(network, LayerStatistics.Compute(architecture, weights));

        var (total, reconstruction, _) = loss.Compute(weights, new Generator(3));

        var (first, second) = new ViewAugmenter(architecture, config).CreateViews(weights, new Generator(3));
        var views = cat([first, second], 0);
        var target = denoise ? cat([weights, weights], 0) : views;
        var expected = loss.Reconstruction.Compute(network.Decode(network.Encode(views)), target, config.Reduction);
        Assert.Equal(expected.item<float>(), reconstruction.item<float>(), 5);
        Assert.True(total.isfinite().item<bool>());
    }
}
