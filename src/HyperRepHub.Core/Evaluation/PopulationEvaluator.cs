using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Population;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Evaluation;

/// <summary>
/// Evaluates many models of one architecture together: each batch of images goes through all models in one
/// grouped forward pass, without gradients.
/// </summary>
public static class PopulationEvaluator
{
    /// <summary>Models × images per forward pass; bounds the activation memory (about 180 MB for CNN-s).</summary>
    public const int DefaultBudget = 10_000;

    /// <summary>Computes each model's loss, accuracy and predictions on <paramref name="dataset"/>.</summary>
    /// <param name="spec">The architecture of every model.</param>
    /// <param name="weights">Flat weights <c>[M, P]</c>.</param>
    /// <param name="dataset">Images and labels, usually a test split.</param>
    /// <param name="budget">Maximum models × images per forward pass.</param>
    public static PopulationEvaluation Evaluate(ArchitectureSpec spec, Tensor weights, ImageDataset dataset,
        int budget = DefaultBudget)
    {
        Check(spec, weights, dataset);
        long models = weights.shape[0];
        var lossSum = zeros(models, dtype: float64);
        var correct = zeros(models, dtype: int64);
        var predictions = new List<Tensor>();
        ForEachBatch(spec, weights, dataset, budget, (logits, labels) =>
        {
            var logProbabilities = nn.functional.log_softmax(logits, -1); // [M, B, C]
            var expanded = labels.unsqueeze(0).expand(models, -1); // [M, B]
            var picked = logProbabilities.gather(2, expanded.unsqueeze(2)).squeeze(2); // [M, B]
            lossSum.sub_(picked.to(float64).sum(1));
            var predicted = logits.argmax(2); // [M, B]
            correct.add_(predicted.eq(expanded).sum(1));
            predictions.Add(predicted.MoveToOuterDisposeScope());
        });

        double count = dataset.Count;
        var losses = lossSum.data<double>().Select(v => v / count).ToArray();
        var accuracies = correct.data<long>().Select(v => v / count).ToArray();
        return new PopulationEvaluation(losses, accuracies, cat(predictions, 1)); // predictions [M, N]
    }

    /// <summary>Computes each model's softmax output on every image, <c>[M, N, classes]</c> float32.</summary>
    public static Tensor PredictProbabilities(ArchitectureSpec spec, Tensor weights, ImageDataset dataset,
        int budget = DefaultBudget)
    {
        Check(spec, weights, dataset);
        var parts = new List<Tensor>();
        ForEachBatch(spec, weights, dataset, budget,
            (logits, _) => parts.Add(nn.functional.softmax(logits, -1).MoveToOuterDisposeScope())); // [M, B, C]
        return cat(parts, 1); // [M, N, C]
    }

    private static void ForEachBatch(ArchitectureSpec spec, Tensor weights, ImageDataset dataset, int budget,
        Action<Tensor, Tensor> onBatch)
    {
        long models = weights.shape[0];
        long batchSize = Math.Max(1, budget / models);
        using var noGrad = no_grad();
        for (long start = 0; start < dataset.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            long length = Math.Min(batchSize, dataset.Count - start);
            var parameters = PopulationForward.Unflatten(spec, weights.to(float32));
            var images = dataset.Images.narrow(0, start, length); // [B, C, H, W]
            var logits = PopulationForward.Forward(spec, parameters, images); // [M, B, classes]
            onBatch(logits, dataset.Labels.narrow(0, start, length).to(int64));
        }
    }

    private static void Check(ArchitectureSpec spec, Tensor weights, ImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dataset);
        if (weights.dim() != 2 || weights.shape[0] == 0 || weights.shape[1] != spec.ParameterCount)
        {
            throw new ArchitectureException(
                $"Expected weights [models, {spec.ParameterCount}] for '{spec.Name}', " +
                $"got [{string.Join(", ", weights.shape)}].");
        }

        var imageShape = dataset.Images.shape.Skip(1).ToArray();
        if (!imageShape.SequenceEqual(new long[] { spec.InputChannels, spec.InputHeight, spec.InputWidth }))
        {
            throw new ArchitectureException(
                $"Dataset '{dataset.Name}' has images [{string.Join(", ", imageShape)}] but '{spec.Name}' expects " +
                $"[{spec.InputChannels}, {spec.InputHeight}, {spec.InputWidth}].");
        }
    }
}
