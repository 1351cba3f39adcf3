using HyperRepHub.Core.Sampling;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Sampling;

public sealed class SamplerTests
{
    private static Tensor Anchors(int count = 40, int dimension = 8, long seed = 3)
    {
        using var generator = new Generator((ulong)seed);
        return (rand([count, dimension], generator: generator) * 1.6 - 0.8).tanh(); // [N, D] inside (-1, 1)
    }

    private static ILatentSampler Fit(string method, Tensor anchors, BandwidthRule rule = BandwidthRule.Fixed) =>
        SamplerFactory.Fit(new SamplerOptions { Method = method, BandwidthRule = rule, GanSteps = 50 }, anchors);

    [Theory]
    [MemberData(nameof(AllMethods))]
    public void Sample_SameSeed_ReturnsSameEmbeddings(string method)
    {
        var sampler = Fit(method, Anchors());

        var first = sampler.Sample(20, seed: 5);
        var second = sampler.Sample(20, seed: 5);
        var other = sampler.Sample(20, seed: 6);

        Assert.Equal(new long[] { 20, 8 }, first.shape);
        Assert.True(first.equal(second).all().item<bool>(), $"{method}: same seed gave different samples");
        Assert.False(first.equal(other).all().item<bool>(), $"{method}: different seeds gave the same samples");
    }

    [Theory]
    [MemberData(nameof(AllMethods))]
    public void Sample_AnyMethod_StaysInUnitCube(string method)
    {
        var sampler = Fit(method, Anchors());

        var samples = sampler.Sample(200, seed: 1);

        Assert.True(samples.isfinite().all().item<bool>());
        Assert.True(samples.abs().max().item<float>() <= 1.0f + 1e-3f, $"{method} left [-1, 1]");
    }

    [Theory]
    [InlineData(SamplerMethods.Counterfactual)]
    [InlineData(SamplerMethods.Neighbour)]
    public void Sample_RangeBoundMethods_StayInAnchorBox(string method)
    {
        var anchors = Anchors();
        var sampler = Fit(method, anchors);

        var samples = sampler.Sample(200, seed: 2);

        Assert.True((samples - anchors.amin([0])).min().item<float>() >= -1e-5f);
        Assert.True((anchors.amax([0]) - samples).min().item<float>() >= -1e-5f);
    }

    [Fact]
    public void Uniform_Samples_CoverUnitCube()
    {
        var samples = new UniformSampler(4).Sample(4000, seed: 9);

        Assert.InRange(samples.min().item<float>(), -1f, -0.99f);
        Assert.InRange(samples.max().item<float>(), 0.99f, 1f);
        Assert.InRange(samples.mean().item<float>(), -0.05f, 0.05f);
    }

    [Fact]
    public void Kde_FixedBandwidth_ValuesNearAnchors()
    {
        var anchors = Anchors();
        var sampler = Fit(SamplerMethods.Kde, anchors);

        var samples = sampler.Sample(100, seed: 4);
        var gap = (samples.unsqueeze(1) - anchors.unsqueeze(0)).abs().amin([1]); // [100, D]

        Assert.True(gap.max().item<float>() < 6 * 0.002f, $"largest gap {gap.max().item<float>()}");
    }

    [Fact]
    public void KdeCoherent_Samples_ShiftOneAnchor()
    {
        var anchors = Anchors();
        var sampler = Fit(SamplerMethods.KdeCoherent, anchors);

        var samples = sampler.Sample(50, seed: 4);
        var nearest = cdist(samples, anchors).argmin(1); // [50]
        var shift = samples - anchors.index_select(0, nearest); // [50, D]

        var spreadAcrossDimensions = (shift.amax([1]) - shift.amin([1])).max().item<float>();
        Assert.True(spreadAcrossDimensions < 1e-5f, $"shift differs across dimensions by {spreadAcrossDimensions}");
        Assert.True(shift.abs().max().item<float>() < 6 * 0.002f);
    }

    [Fact]
    public void Kde_IndependentDimensions_FartherFromAnchorsThanCoherent()
    {
        var anchors = Anchors();
        var independent = Fit(SamplerMethods.Kde, anchors).Sample(100, seed: 4);
        var coherent = Fit(SamplerMethods.KdeCoherent, anchors).Sample(100, seed: 4);

        var independentGap = cdist(independent, anchors).amin([1]).mean().item<float>();
        var coherentGap = cdist(coherent, anchors).amin([1]).mean().item<float>();

        Assert.True(coherentGap < 0.02f, $"coherent samples are {coherentGap} from their anchor");
        Assert.True(independentGap > 10 * coherentGap,
            $"independent gap {independentGap} is not far above coherent gap {coherentGap}");
    }

    [Fact]
    public void Silverman_Bandwidth_MatchesRuleOfThumb()
    {
        var column = tensor(new float[] { -0.5f, -0.2f, 0.0f, 0.1f, 0.4f, 0.6f, 0.9f, -0.9f }).unsqueeze(1);

        var bandwidth = KernelDensity.Silverman(column).item<float>();

        double[] values = [-0.5, -0.2, 0.0, 0.1, 0.4, 0.6, 0.9, -0.9];
        double mean = values.Average();
        double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        double iqr = AnchorSelection.Quantile(values, 0.75) - AnchorSelection.Quantile(values, 0.25);
        double expected = 0.9 * Math.Min(std, iqr / 1.34) * Math.Pow(values.Length, -0.2);
        Assert.Equal(expected, bandwidth, 4);
    }

    [Fact]
    public void Counterfactual_Samples_HaveLowerDensityThanKde()
    {
        // Two tight clusters per dimension, at -0.5 and +0.5, leave thin regions between and around them.
        using var generator = new Generator(11);
        var sign = randint(2, [40, 8], generator: generator).to(float32) * 2 - 1;
        var anchors = sign * 0.5f + randn([40, 8], generator: generator) * 0.05f;
        var density = new KernelDensity(anchors, BandwidthRule.Silverman, 0.002);
        var kde = new KdeSampler(density).Sample(200, seed: 8);
        var counterfactual = new CounterfactualSampler(density).Sample(200, seed: 8);

        var kdeDensity = density.Density(kde).mean().item<float>();
        var counterfactualDensity = density.Density(counterfactual).mean().item<float>();

        Assert.True(counterfactualDensity < 0.5f * kdeDensity,
            $"counterfactual density {counterfactualDensity} is not well below KDE density {kdeDensity}");
    }

    [Fact]
    public void LatentDistance_CoherentKde_FarBelowIndependentKde()
    {
        var anchors = Anchors();

        var coherent = LatentDistance.Measure(Fit(SamplerMethods.KdeCoherent, anchors).Sample(100, 1), anchors);
        var independent = LatentDistance.Measure(Fit(SamplerMethods.Kde, anchors).Sample(100, 1), anchors);

        Assert.True(coherent.Ratio < 0.05, $"coherent ratio {coherent.Ratio}");
        Assert.True(independent.Ratio > 0.2, $"independent ratio {independent.Ratio}");
        Assert.Equal(coherent.MedianBetweenAnchors, independent.MedianBetweenAnchors, 10);
    }

    public static TheoryData<string> AllMethods() => new(SamplerMethods.Names);
}
