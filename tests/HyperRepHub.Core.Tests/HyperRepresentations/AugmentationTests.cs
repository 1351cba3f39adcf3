using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Augmentations;
using HyperRepHub.Core.HyperRepresentations.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.HyperRepresentations;

public sealed class AugmentationTests
{
    [Fact]
    public void RandomErasing_AlwaysOn_ZeroesOneContiguousBlockWithinBounds()
    {
        using var scope = NewDisposeScope();
        var erasing = new RandomErasing(Probability: 1, MinFraction: 0.02, MaxFraction: 0.33);
        var weights = ones(200, 1000);

        var erased = erasing.Apply(weights, new Generator(3));
        var zeroed = erased.eq(0);
        var counts = zeroed.sum(1).to(ScalarType.Float64); // [200]
        var first = zeroed.to(ScalarType.Int32).argmax(1); // first erased position of each row
        var last = 999 - zeroed.flip(1).to(ScalarType.Int32).argmax(1);

        Assert.True(counts.min().item<double>() >= 20);
        Assert.True(counts.max().item<double>() <= 330);
        Assert.True((last - first + 1).eq(counts.to(ScalarType.Int64)).all().item<bool>());
    }

    [Fact]
    public void RandomErasing_HalfProbability_LeavesAboutHalfTheRowsIntact()
    {
        using var scope = NewDisposeScope();
        var erasing = new RandomErasing(0.5, 0.02, 0.33);

        var erased = erasing.Apply(ones(1000, 100), new Generator(4));
        long intact = erased.eq(1).all(1).sum().item<long>();

        Assert.InRange(intact, 430, 570);
    }

    [Fact]
    public void ViewAugmenter_NoPermutationNoErasing_ReturnsTheWeights()
    {
        using var scope = NewDisposeScope();
        var architecture = BuiltInArchitectures.CnnSmall;
        var config = SyntheticZoo.TinyConfig with { PermutationProbability = 0, ErasingProbability = 0 };
        var weights = SyntheticZoo.Weights(architecture, 6, seed: 5);

        var (first, second) = new ViewAugmenter(architecture, config).CreateViews(weights, new Generator(6));

        Assert.True(first.eq(weights).all().item<bool>());
        Assert.True(second.eq(weights).all().item<bool>());
    }

    [Fact]
    public void ViewAugmenter_HalfPermutationProbability_PermutesAboutHalfTheRows()
    {
        using var scope = NewDisposeScope();
        var architecture = BuiltInArchitectures.CnnSmall;
        var config = SyntheticZoo.TinyConfig with { PermutationProbability = 0.5, ErasingProbability = 0 };
        var weights = SyntheticZoo.Weights(architecture, 400, seed: 5);

        var (view, _) = new ViewAugmenter(architecture, config).CreateViews(weights, new Generator(6));
        long unchanged = view.eq(weights).all(1).sum().item<long>();

        Assert.InRange(unchanged, 150, 250);
    }

    [Theory]
    [InlineData(50, new[] { 21, 22, 23, 24, 25 })]
    [InlineData(25, new[] { 21, 22, 23, 24, 25 })]
    [InlineData(10, new[] { 6, 7, 8, 9, 10 })]
    [InlineData(3, new[] { 1, 2, 3 })]
    public void CheckpointEpochs_Default_FollowsZooLength(int lastEpoch, int[] expected)
    {
        var epochs = CheckpointEpochs.Default(lastEpoch);

        Assert.Equal(expected, epochs);
    }
}
