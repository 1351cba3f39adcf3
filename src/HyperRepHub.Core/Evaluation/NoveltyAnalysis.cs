using static TorchSharp.torch;

namespace HyperRepHub.Core.Evaluation;

/// <summary>Measures whether generated models are new or copies of the training split.</summary>
public static class NoveltyAnalysis
{
    /// <summary>Pairs of training models drawn to estimate the typical disagreement.</summary>
    public const int TypicalPairs = 2000;

    /// <summary>Compares generated models with training models in weight space and in function space.</summary>
    /// <param name="generatedWeights">Flat weights <c>[G, P]</c>.</param>
    /// <param name="trainingWeights">Flat weights <c>[T, P]</c>, T at least 2.</param>
    /// <param name="generatedPredictions">Predicted classes <c>[G, N]</c> on a test set.</param>
    /// <param name="trainingPredictions">Predicted classes <c>[T, N]</c> on the same test set.</param>
    public static NoveltyReport Measure(Tensor generatedWeights, Tensor trainingWeights,
        Tensor generatedPredictions, Tensor trainingPredictions)
    {
        Check(generatedWeights, trainingWeights, generatedPredictions, trainingPredictions);
        using var scope = NewDisposeScope();
        var generated = generatedWeights.to(float64);
        var training = trainingWeights.to(float64);
        var (nearestDistance, nearestModel) = cdist(generated, training).min(1); // [G]
        var disagreement = new double[generatedPredictions.shape[0]];
        for (int i = 0; i < disagreement.Length; i++)
        {
            using var rowScope = NewDisposeScope();
            var differs = trainingPredictions.ne(generatedPredictions[i].unsqueeze(0)); // [T, N]
            disagreement[i] = differs.to(float64).mean([1]).min().item<double>();
        }

        return new NoveltyReport(
            nearestDistance.data<double>().ToArray(),
            nearestModel.data<long>().Select(m => (int)m).ToArray(),
            disagreement,
            TypicalWeightDistance(training),
            TypicalDisagreement(trainingPredictions));
    }

    private static double TypicalWeightDistance(Tensor training)
    {
        long count = training.shape[0];
        var distances = cdist(training, training); // [T, T]
        var upper = ones(count, count, dtype: @bool).triu(1);
        return distances.masked_select(upper).median().item<double>();
    }

    private static double TypicalDisagreement(Tensor predictions)
    {
        int count = (int)predictions.shape[0];
        var random = new Random(0);
        var values = new List<double>();
        foreach (var (a, b) in Pairs(count, random))
        {
            values.Add(predictions[a].ne(predictions[b]).to(float64).mean().item<double>());
        }

        return SummaryStatistics.Of(values).Median;
    }

    private static IEnumerable<(int, int)> Pairs(int count, Random random)
    {
        long all = (long)count * (count - 1) / 2;
        if (all <= TypicalPairs)
        {
            return from a in Enumerable.Range(0, count) from b in Enumerable.Range(a + 1, count - a - 1) select (a, b);
        }

        return Enumerable.Range(0, TypicalPairs).Select(_ =>
        {
            int a = random.Next(count);
            int b = (a + 1 + random.Next(count - 1)) % count;
            return (a, b);
        }).ToArray();
    }

    private static void Check(Tensor generatedWeights, Tensor trainingWeights, Tensor generatedPredictions,
        Tensor trainingPredictions)
    {
        bool valid = generatedWeights.dim() == 2 && trainingWeights.dim() == 2 &&
            generatedWeights.shape[1] == trainingWeights.shape[1] && trainingWeights.shape[0] >= 2 &&
            generatedPredictions.dim() == 2 && trainingPredictions.dim() == 2 &&
            generatedPredictions.shape[0] == generatedWeights.shape[0] &&
            trainingPredictions.shape[0] == trainingWeights.shape[0] &&
            generatedPredictions.shape[1] == trainingPredictions.shape[1];
        if (!valid)
        {
            throw new ArgumentException(
                "Expected generated weights [G, P], at least two training weights [T, P], and predictions [G, N] " +
                $"and [T, N]; got [{string.Join(", ", generatedWeights.shape)}], " +
                $"[{string.Join(", ", trainingWeights.shape)}], [{string.Join(", ", generatedPredictions.shape)}] " +
                $"and [{string.Join(", ", trainingPredictions.shape)}].");
        }
    }
}
