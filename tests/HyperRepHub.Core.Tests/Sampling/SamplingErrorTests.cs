using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations;
using HyperRepHub.Core.Sampling;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Sampling;

public sealed class SamplingErrorTests
{
    [Theory]
    [InlineData(SamplerMethods.Kde, 1)]
    [InlineData(SamplerMethods.Counterfactual, 1)]
    [InlineData(SamplerMethods.Gan, 1)]
    [InlineData(SamplerMethods.Neighbour, 15)]
    public void Fit_TooFewAnchors_Throws(string method, int count)
    {
        var anchors = rand([count, 4]) * 0.5;

        var error = Assert.Throws<SamplingException>(
            () => SamplerFactory.Fit(new SamplerOptions { Method = method }, anchors));

        Assert.Contains("needs at least", error.Message);
        Assert.Contains($"got {count}", error.Message);
    }

    [Fact]
    public void Fit_ZeroSpreadDimension_NamesDimension()
    {
        var anchors = rand([20, 4]);
        anchors[TensorIndex.Colon, 2] = tensor(0.25f);

        var error = Assert.Throws<SamplingException>(
            () => SamplerFactory.Fit(new SamplerOptions { Method = SamplerMethods.Kde }, anchors));

        Assert.Contains("dimension(s) 2 have zero spread", error.Message);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Fit_NonFiniteAnchors_Throws(float value)
    {
        var anchors = rand([20, 4]);
        anchors[3, 1] = tensor(value);

        var error = Assert.Throws<SamplingException>(
            () => SamplerFactory.Fit(new SamplerOptions { Method = SamplerMethods.Kde }, anchors));

        Assert.Contains("1 anchor embeddings contain NaN or infinite values", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void Validate_TopFractionOutOfRange_Throws(double topFraction)
    {
        var options = new SamplerOptions { TopFraction = topFraction };

        var error = Assert.Throws<SamplingException>(options.Validate);

        Assert.Contains("TopFraction must be in (0, 1]", error.Message);
    }

    [Fact]
    public void Validate_UnknownMethod_ListsMethods()
    {
        var options = new SamplerOptions { Method = "diffusion" };

        var error = Assert.Throws<SamplingException>(options.Validate);

        Assert.Contains("Unknown sampling method 'diffusion'", error.Message);
        Assert.Contains("kde-coherent", error.Message);
    }

    [Fact]
    public void EncodeZoo_OtherArchitecture_Throws()
    {
        var hyperRepresentation = new LinearHyperRepresentation();
        var generator = new WeightGenerator(hyperRepresentation);
        var large = BuiltInArchitectures.CnnLarge;

        var error = Assert.Throws<SamplingException>(() => generator.EncodeZoo(
            large, zeros(2, large.ParameterCount), ["a", "b"], [1, 1], [0.5, 0.6]));

        Assert.Contains("'cnn-l' is not the network of this hyper-representation ('cnn-s')", error.Message);
    }

    [Fact]
    public void EncodeZoo_NonFiniteWeights_Throws()
    {
        var hyperRepresentation = new LinearHyperRepresentation();
        var generator = new WeightGenerator(hyperRepresentation);
        var weights = zeros(2, hyperRepresentation.Architecture.ParameterCount);
        weights[1, 5] = tensor(float.NaN);

        var error = Assert.Throws<SamplingException>(() => generator.EncodeZoo(
            hyperRepresentation.Architecture, weights, ["a", "b"], [1, 1], [0.5, 0.6]));

        Assert.Contains("NaN or infinite", error.Message);
    }

    [Fact]
    public void Generate_AnchorsOfOtherLatentSize_Throws()
    {
        var generator = new WeightGenerator(new LinearHyperRepresentation(latentDimension: 8));
        var anchors = new AnchorSet(rand(10, 5), Ids(10), Enumerable.Repeat(1, 10).ToArray(),
            Enumerable.Range(0, 10).Select(i => i / 10.0).ToArray());

        var error = Assert.Throws<SamplingException>(
            () => generator.Generate(new SamplerOptions { TopFraction = 1 }, 4, anchors));

        Assert.Contains("5 latent dimensions but the hyper-representation has 8", error.Message);
    }

    private static string[] Ids(int count) => Enumerable.Range(0, count).Select(i => $"m{i}").ToArray();
}
