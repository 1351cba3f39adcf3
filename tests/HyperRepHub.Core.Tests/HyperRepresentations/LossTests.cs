using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Losses;
using HyperRepHub.Core.HyperRepresentations.Tokens;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.HyperRepresentations;

public sealed class LossTests
{
    // Two layers of 6 parameters each: Linear(2 -> 2) then Linear(2 -> 2), so P = 12.
    private static readonly ArchitectureSpec TwoLayers = new("two-layers", 1, 1, 2, 2,
        [LayerSpec.Flat(), LayerSpec.Dense(2, 2), LayerSpec.Act("tanh"), LayerSpec.Dense(2, 2)]);

    private static readonly LayerStatistics Statistics = new([0, 0], [2, 0.5]);

    [Fact]
    public void LayerWiseLoss_GlobalMean_MatchesHandComputedValue()
    {
        using var scope = NewDisposeScope();
        var (prediction, target) = OneErrorPerLayer();
        var loss = new LayerWiseReconstructionLoss(TwoLayers, Statistics, normalize: true);

        double value = loss.Compute(prediction, target, ReconstructionReduction.GlobalMean).item<float>();

        // Layer 0: error 1 → 1² / 2² = 0.25; layer 1: error 3 → 3² / 0.5² = 36. Sum 36.25 over 1 · 12 entries.
        Assert.Equal(36.25 / 12, value, 5);
    }

    [Fact]
    public void LayerWiseLoss_LayerMean_MatchesHandComputedValue()
    {
        using var scope = NewDisposeScope();
        var (prediction, target) = OneErrorPerLayer();
        var loss = new LayerWiseReconstructionLoss(TwoLayers, Statistics, normalize: true);

        double value = loss.Compute(prediction, target, ReconstructionReduction.LayerMean).item<float>();

        // Layer means 0.25 / 6 and 36 / 6, averaged over the 2 layers.
        Assert.Equal((0.25 / 6 + 36.0 / 6) / 2, value, 5);
    }

    [Fact]
    public void LayerWiseLoss_WithoutNormalization_IsMeanSquaredError()
    {
        using var scope = NewDisposeScope();
        var (prediction, target) = OneErrorPerLayer();
        var loss = new LayerWiseReconstructionLoss(TwoLayers, statistics: null, normalize: false);

        double value = loss.Compute(prediction, target, ReconstructionReduction.GlobalMean).item<float>();

        Assert.Equal((1.0 + 9.0) / 12, value, 5);
    }

    [Fact]
    public void NtXent_TwoOrthogonalPairs_MatchesHandComputedValue()
    {
        using var scope = NewDisposeScope();
        var first = tensor(new float[,] { { 1, 0 }, { 0, 1 } });
        var second = tensor(new float[,] { { 2, 0 }, { 0, 3 } }); // same directions, other lengths

        double value = NtXentLoss.Compute(first, second, temperature: 0.5).item<float>();

        // Every row: its partner has cosine 1, the two other rows cosine 0. With τ = 0.5 each row's loss is
        // -log(e^2 / (e^2 + 2·e^0)), and the mean over the 4 rows is the same value.
        double expected = -Math.Log(Math.Exp(2) / (Math.Exp(2) + 2));
        Assert.Equal(expected, value, 5);
    }

    [Fact]
    public void NtXent_PartnerFartherThanNegative_IsLargerThanAligned()
    {
        using var scope = NewDisposeScope();
        var first = tensor(new float[,] { { 1, 0 }, { 0, 1 } });
        var aligned = tensor(new float[,] { { 1, 0 }, { 0, 1 } });
        var swapped = tensor(new float[,] { { 0, 1 }, { 1, 0 } });

        double good = NtXentLoss.Compute(first, aligned, 0.1).item<float>();
        double bad = NtXentLoss.Compute(first, swapped, 0.1).item<float>();

        Assert.True(bad > good + 1, $"swapped views gave {bad}, aligned views {good}");
    }

    [Fact]
    public void LayerStatistics_ConstantLayer_IsFlooredAtMinimum()
    {
        using var scope = NewDisposeScope();
        var weights = cat([full(3, 6, 5f), randn(3, 6, generator: new Generator(1))], 1);

        var statistics = LayerStatistics.Compute(TwoLayers, weights);

        Assert.Equal(5, statistics.Means[0], 6);
        Assert.Equal(LayerStatistics.MinimumStd, statistics.Stds[0]);
        Assert.True(statistics.Stds[1] > 0.1);
    }

    private static (Tensor Prediction, Tensor Target) OneErrorPerLayer()
    {
        var target = zeros(1, 12);
        var prediction = zeros(1, 12);
        prediction[0, 2] = tensor(1f); // one error of 1 in layer 0 (entries 0-5)
        prediction[0, 7] = tensor(3f); // one error of 3 in layer 1 (entries 6-11)
        return (prediction, target);
    }
}
