using HyperRepHub.Core.HyperRepresentations;
using HyperRepHub.Core.Sampling;
using HyperRepHub.Core.Sampling.Gan;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Sampling;

public sealed class WeightGeneratorTests
{
    [Fact]
    public void SelectTop_ThirtyPercent_KeepsTopAccuracies()
    {
        var embeddings = arange(10, float32).unsqueeze(1); // row i contains the value i
        double[] accuracies = [0.1, 0.9, 0.2, 0.8, 0.3, 0.7, 0.4, 0.6, 0.5, 0.95];
        var anchors = new AnchorSet(embeddings, Enumerable.Range(0, 10).Select(i => $"m{i}").ToArray(),
            Enumerable.Repeat(1, 10).ToArray(), accuracies);

        var selected = AnchorSelection.SelectTop(anchors, 0.3);

        // The 70th percentile of the accuracies is 0.73 (NumPy's linear interpolation), so 0.8, 0.9, 0.95 remain.
        Assert.Equal(new float[] { 1, 3, 9 }, selected.flatten().data<float>().ToArray());
    }

    [Fact]
    public void Generate_Kde_DecodesOneWeightVectorPerSample()
    {
        var hyperRepresentation = new LinearHyperRepresentation();
        var generator = new WeightGenerator(hyperRepresentation);

        var weights = generator.Generate(new SamplerOptions { Method = SamplerMethods.Kde, Seed = 3 }, 12);
        var again = generator.Generate(new SamplerOptions { Method = SamplerMethods.Kde, Seed = 3 }, 12);

        Assert.Equal(new long[] { 12, hyperRepresentation.Architecture.ParameterCount }, weights.shape);
        Assert.True(weights.equal(again).all().item<bool>());
    }

    [Fact]
    public void Generate_UnseenZoo_SamplesNearItsEmbeddings()
    {
        var hyperRepresentation = new LinearHyperRepresentation(latentDimension: 8, anchorCount: 40, seed: 7);
        var generator = new WeightGenerator(hyperRepresentation);
        // An unseen zoo whose weights are shifted, so its embeddings sit away from the training anchors.
        var zooWeights = hyperRepresentation.Weights * 0.2 + 3.0 * ones(1, hyperRepresentation.Architecture.ParameterCount);
        var zoo = generator.EncodeZoo(hyperRepresentation.Architecture, zooWeights,
            Enumerable.Range(0, 40).Select(i => $"unseen-{i}").ToArray(), Enumerable.Repeat(5, 40).ToArray(),
            Enumerable.Range(0, 40).Select(i => i / 40.0).ToArray());
        var options = new SamplerOptions { Method = SamplerMethods.Kde, TopFraction = 1, BandwidthRule = BandwidthRule.Silverman };

        var samples = generator.Fit(options, zoo).Sample(50, seed: 2);

        var toZoo = cdist(samples, zoo.Embeddings).amin([1]).mean().item<float>();
        var toTraining = cdist(samples, hyperRepresentation.Anchors.Embeddings).amin([1]).mean().item<float>();
        Assert.True(toZoo < 0.5f * toTraining, $"samples are {toZoo} from the zoo but {toTraining} from training");
    }

    [Fact]
    public void GanSaveLoad_SameSeed_SameSamples()
    {
        var anchors = rand([30, 6]) * 1.2 - 0.6;
        using var gan = LatentGan.Train(anchors, new LatentGanConfig(6, Steps: 20), seed: 4);
        string directory = Path.Combine(Path.GetTempPath(), $"gan-{Guid.NewGuid():N}");

        gan.Save(directory);
        using var loaded = LatentGan.Load(directory);

        Assert.Equal(gan.Config, loaded.Config);
        Assert.True(gan.Sample(10, 3).allclose(loaded.Sample(10, 3)));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void GanTrain_ShiftedAnchors_MovesSamplesTowardAnchors()
    {
        var anchors = 0.6 + rand([64, 4]) * 0.1; // all near 0.65
        using var untrained = LatentGan.Train(anchors, new LatentGanConfig(4, Steps: 1), seed: 4);
        using var trained = LatentGan.Train(anchors, new LatentGanConfig(4, Steps: 400), seed: 4);

        var before = (untrained.Sample(200, 1).mean([0]) - 0.65).abs().mean().item<float>();
        var after = (trained.Sample(200, 1).mean([0]) - 0.65).abs().mean().item<float>();

        Assert.True(after < 0.5f * before, $"mean error {after} after training, {before} before");
    }
}
