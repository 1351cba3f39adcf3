using HyperRepHub.Core.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Evaluation;

public sealed class EnsembleEvaluatorTests
{
    [Fact]
    public void Evaluate_ThreeModels_MatchesHandComputedEnsemble()
    {
        // Four images, two classes. The models are right on 1, 1 and 2 images; their average is right on 2.
        var probabilities = tensor(new float[]
        {
            0.9f, 0.1f, 0.6f, 0.4f, 0.4f, 0.6f, 0.6f, 0.4f, // model 0 predicts 0, 0, 1, 0
            0.3f, 0.7f, 0.25f, 0.75f, 0.45f, 0.55f, 0.8f, 0.2f, // model 1 predicts 1, 1, 1, 0
            0.4f, 0.6f, 0.7f, 0.3f, 0.8f, 0.2f, 0.45f, 0.55f, // model 2 predicts 1, 0, 0, 1
        }, [3, 4, 2]);
        var labels = tensor(new long[] { 0, 1, 0, 1 });
        // Mean over models: [0.533, 0.467], [0.517, 0.483], [0.55, 0.45], [0.617, 0.383], so it predicts 0 everywhere.

        var points = EnsembleEvaluator.Evaluate(probabilities, labels, maxSize: 3, draws: 5, seed: 1);

        Assert.Equal(3, points.Count);
        Assert.Equal(0.5, points[2].MeanAccuracy, 10);
        Assert.Equal(0.0, points[2].StdAccuracy, 10);
        Assert.Equal((0.25 + 0.25 + 0.5) / 3, points[2].MeanMemberAccuracy, 10);
    }

    [Fact]
    public void Evaluate_SizeOne_EqualsMemberAccuracy()
    {
        var dataset = TinyPopulation.Dataset(40, seed: 5);
        var weights = TinyPopulation.Weights(5, seed: 6);

        var points = EnsembleEvaluator.Evaluate(TinyPopulation.Spec, weights, dataset, maxSize: 5, draws: 7, seed: 2);

        Assert.Equal(points[0].MeanMemberAccuracy, points[0].MeanAccuracy, 10);
        Assert.Equal(5, points.Count);
        Assert.All(points, p => Assert.Equal(7, p.Draws));
    }

    [Fact]
    public void Evaluate_WholePopulation_MatchesDirectSoftmaxAverage()
    {
        var dataset = TinyPopulation.Dataset(60, seed: 7);
        var weights = TinyPopulation.Weights(4, seed: 8);
        var averaged = stack(Enumerable.Range(0, 4)
            .Select(m => nn.functional.softmax(TinyPopulation.Logits(weights[m], dataset), 1))).mean([0]);
        double expected = averaged.argmax(1).eq(dataset.Labels).to(float64).mean().item<double>();

        var points = EnsembleEvaluator.Evaluate(TinyPopulation.Spec, weights, dataset, maxSize: 4, draws: 3, seed: 3);

        Assert.Equal(expected, points[3].MeanAccuracy, 10);
    }

    [Fact]
    public void Evaluate_SizeAboveModels_Throws()
    {
        var probabilities = full(2, 3, 2, 0.5f);

        Assert.Throws<ArgumentOutOfRangeException>(
            () => EnsembleEvaluator.Evaluate(probabilities, zeros(3, dtype: int64), maxSize: 3, draws: 1, seed: 0));
    }
}
