using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Evaluation;

public sealed class PopulationEvaluatorTests
{
    [Fact]
    public void Evaluate_EachModel_MatchesDirectComputation()
    {
        var dataset = TinyPopulation.Dataset(50, seed: 1);
        var weights = TinyPopulation.Weights(6, seed: 2);

        var evaluation = PopulationEvaluator.Evaluate(TinyPopulation.Spec, weights, dataset, budget: 60);

        for (int m = 0; m < 6; m++)
        {
            var logits = TinyPopulation.Logits(weights[m], dataset);
            double loss = nn.functional.cross_entropy(logits, dataset.Labels).item<float>();
            double accuracy = logits.argmax(1).eq(dataset.Labels).to(float64).mean().item<double>();
            Assert.Equal(loss, evaluation.Losses[m], 4);
            Assert.Equal(accuracy, evaluation.Accuracies[m], 10);
            Assert.True(evaluation.Predictions[m].equal(logits.argmax(1)).all().item<bool>());
        }
    }

    [Fact]
    public void Evaluate_SmallBudget_SameAsOneBatch()
    {
        var dataset = TinyPopulation.Dataset(37, seed: 3);
        var weights = TinyPopulation.Weights(4, seed: 4);

        var batched = PopulationEvaluator.Evaluate(TinyPopulation.Spec, weights, dataset, budget: 4 * 5);
        var whole = PopulationEvaluator.Evaluate(TinyPopulation.Spec, weights, dataset, budget: 4 * 37);

        Assert.Equal(whole.Accuracies, batched.Accuracies);
        Assert.Equal(whole.Losses.ToArray(), batched.Losses.ToArray(), new ToleranceComparer(1e-5));
    }

    [Fact]
    public void Evaluate_WrongParameterCount_Throws()
    {
        var dataset = TinyPopulation.Dataset(5, seed: 1);

        var error = Assert.Throws<ArchitectureException>(
            () => PopulationEvaluator.Evaluate(TinyPopulation.Spec, zeros(2, 14), dataset));

        Assert.Contains("Expected weights [models, 15] for 'tiny-linear'", error.Message);
    }

    [Fact]
    public void Evaluate_WrongImageShape_Throws()
    {
        var dataset = TinyPopulation.Dataset(5, seed: 1) with { Images = zeros(5, 1, 3, 3) };

        var error = Assert.Throws<ArchitectureException>(
            () => PopulationEvaluator.Evaluate(TinyPopulation.Spec, zeros(2, 15), dataset));

        Assert.Contains("expects [1, 2, 2]", error.Message);
    }

    [Fact]
    public void SummaryStatistics_KnownValues_MatchHandComputation()
    {
        var summary = SummaryStatistics.Of([1.0, 2.0, 3.0, 4.0, 10.0]);

        Assert.Equal(4.0, summary.Mean, 10);
        Assert.Equal(Math.Sqrt(12.5), summary.Std, 10);
        Assert.Equal(3.0, summary.Median, 10);
        Assert.Equal(2.0, summary.Q25, 10);
        Assert.Equal(4.0, summary.Q75, 10);
        Assert.Equal(1.0, summary.Min, 10);
        Assert.Equal(10.0, summary.Max, 10);
        Assert.Equal(8.8, summary.Q95, 10);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
