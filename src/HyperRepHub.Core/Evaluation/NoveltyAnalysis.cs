using HyperRepHub.Core.HyperRepresentations.Alignment;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Evaluation;

/// <summary>Measures whether generated models are new or copies of the training split.</summary>
public static class NoveltyAnalysis
{
    /// <summary>Pairs of training models drawn to estimate the typical disagreement.</summary>
    public const int TypicalPairs = 2000;

    /// <summary>
    /// Compares generated models with training models in weight space and in function space. With
    /// <paramref name="alignment"/>, weight-space distances are taken after aligning each training model's neurons to
    /// the model it is compared with, so a permuted copy of a training model still counts as a copy.
    /// </summary>
    /// <param name="generatedWeights">Flat weights <c>[G, P]</c>.</param>
    /// <param name="trainingWeights">Flat weights <c>[T, P]</c>, T at least 2.</param>
    /// <param name="generatedPredictions">Predicted classes <c>[G, N]</c> on a test set.</param>
    /// <param name="trainingPredictions">Predicted classes <c>[T, N]</c> on the same test set.</param>
    /// <param name="alignment">The neuron alignment of the models' architecture, or null to compare weights as
    /// they are.</param>
    public static NoveltyReport Measure(Tensor generatedWeights, Tensor trainingWeights,
        Tensor generatedPredictions, Tensor trainingPredictions, NeuronAlignment? alignment = null)
    {
        Check(generatedWeights, trainingWeights, generatedPredictions, trainingPredictions);
        using var scope = NewDisposeScope();
        var generated = Rows(generatedWeights);
        var training = Rows(trainingWeights);
        Func<float[], float[], double> distance = alignment is null
            ? (a, b) => WeightVectors.Distance(a, b)
            : (model, reference) => alignment.Distance(model, reference);
        var nearestDistance = new double[generated.Length];
        var nearestModel = new int[generated.Length];
        Parallel.For(0, generated.Length, g =>
        {
            nearestDistance[g] = double.PositiveInfinity;
            for (int t = 0; t < training.Length; t++)
            {
                double d = distance(training[t], generated[g]);
                if (d < nearestDistance[g])
                {
                    (nearestDistance[g], nearestModel[g]) = (d, t);
                }
            }
        });
        var disagreement = new double[generatedPredictions.shape[0]];
        for (int i = 0; i < disagreement.Length; i++)
        {
            using var rowScope = NewDisposeScope();
            var differs = trainingPredictions.ne(generatedPredictions[i].unsqueeze(0)); // [T, N]
            disagreement[i] = differs.to(float64).mean([1]).min().item<double>();
        }

        return new NoveltyReport(nearestDistance, nearestModel, disagreement,
            TypicalWeightDistance(training, distance), TypicalDisagreement(trainingPredictions));
    }

    private static double TypicalWeightDistance(float[][] training, Func<float[], float[], double> distance)
    {
        var pairs = Pairs(training.Length, new Random(0)).ToArray();
        var values = new double[pairs.Length];
        Parallel.For(0, pairs.Length, i => values[i] = distance(training[pairs[i].Item2], training[pairs[i].Item1]));
        return SummaryStatistics.Of(values).Median;
    }

    private static float[][] Rows(Tensor weights)
    {
        var flat = weights.to(float32).contiguous().data<float>().ToArray();
        int length = (int)weights.shape[1];
        return Enumerable.Range(0, (int)weights.shape[0]).Select(r => flat.AsSpan(r * length, length).ToArray())
            .ToArray();
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
