using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Evaluation;

/// <summary>
/// Ensembles of a population: the prediction of k models is the argmax of their averaged softmax outputs.
/// </summary>
public static class EnsembleEvaluator
{
    /// <summary>Evaluates ensembles of 1 to <paramref name="maxSize"/> models drawn from a population.</summary>
    public static IReadOnlyList<EnsemblePoint> Evaluate(ArchitectureSpec spec, Tensor weights, ImageDataset dataset,
        int maxSize, int draws, long seed)
    {
        var probabilities = PopulationEvaluator.PredictProbabilities(spec, weights, dataset); // [M, N, C]
        return Evaluate(probabilities, dataset.Labels, maxSize, draws, seed);
    }

    /// <summary>
    /// Evaluates ensembles of k = 1..<paramref name="maxSize"/> models from softmax outputs <c>[M, N, C]</c>, each
    /// size over <paramref name="draws"/> seeded draws of k distinct models.
    /// </summary>
    public static IReadOnlyList<EnsemblePoint> Evaluate(Tensor probabilities, Tensor labels, int maxSize, int draws,
        long seed)
    {
        if (probabilities.dim() != 3 || labels.dim() != 1 || probabilities.shape[1] != labels.shape[0])
        {
            throw new ArgumentException(
                $"Expected probabilities [M, N, C] and labels [N], got [{string.Join(", ", probabilities.shape)}] " +
                $"and [{string.Join(", ", labels.shape)}].", nameof(probabilities));
        }

        int models = (int)probabilities.shape[0];
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxSize, models);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        using var scope = NewDisposeScope();
        var correct = probabilities.argmax(2).eq(labels.unsqueeze(0)).to(float64); // [M, N]
        var memberAccuracy = correct.mean([1]).data<double>().ToArray(); // [M]
        var random = new Random(unchecked((int)seed));
        var points = new List<EnsemblePoint>(maxSize);
        for (int size = 1; size <= maxSize; size++)
        {
            var accuracies = new double[draws];
            double memberSum = 0;
            for (int draw = 0; draw < draws; draw++)
            {
                long[] members = Draw(random, models, size);
                accuracies[draw] = Accuracy(probabilities, labels, members);
                memberSum += members.Average(m => memberAccuracy[m]);
            }

            var summary = SummaryStatistics.Of(accuracies);
            points.Add(new EnsemblePoint(size, draws, summary.Mean, summary.Std, memberSum / draws));
        }

        return points;
    }

    private static double Accuracy(Tensor probabilities, Tensor labels, long[] members)
    {
        using var scope = NewDisposeScope();
        var averaged = probabilities.index_select(0, tensor(members)).mean([0]); // [N, C]
        return averaged.argmax(1).eq(labels).to(float64).mean().item<double>();
    }

    private static long[] Draw(Random random, int models, int size)
    {
        var order = Enumerable.Range(0, models).Select(i => (long)i).ToArray();
        random.Shuffle(order);
        return order[..size];
    }
}
