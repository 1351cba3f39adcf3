using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.HyperRepresentations.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Quality;

/// <summary>
/// Builds the <see cref="QualityReport"/> users check before they trust sampling: R² overall and per layer on the
/// test split and, with a dataset, the test accuracy of reconstructed models against the originals. Given the
/// training split too, it adds the same figures there and the R² of a linear code of the latent's size.
/// </summary>
public static class QualityEvaluator
{
    /// <summary>Retention of mean accuracy at or above which reconstructions count as good.</summary>
    public const double GoodRetention = 0.8;

    /// <summary>
    /// Reconstructed accuracy is "at chance" when it is below chance plus this fraction of the gap between chance
    /// and the originals' accuracy.
    /// </summary>
    public const double ChanceMargin = 0.1;

    /// <summary>
    /// Evaluates <paramref name="hyperRepresentation"/>, and <paramref name="baseline"/> the same way if given.
    /// </summary>
    public static QualityReport Evaluate(HyperRepresentation hyperRepresentation, WeightSet test,
        ImageDataset? dataset, HyperRepresentation? baseline = null, WeightSet? train = null)
    {
        ArgumentNullException.ThrowIfNull(hyperRepresentation);
        ArgumentNullException.ThrowIfNull(test);
        if (test.Count == 0)
        {
            throw new ArgumentException("The test split is empty; the quality report needs test checkpoints.",
                nameof(test));
        }

        int parameterCount = hyperRepresentation.Architecture.ParameterCount;
        test.Validate(parameterCount, "test");
        train?.Validate(parameterCount, "train");

        var report = EvaluateOne(hyperRepresentation, test, dataset, train);
        return baseline is null ? report : report with { Baseline = EvaluateOne(baseline, test, dataset, train) };
    }

    private static QualityReport EvaluateOne(HyperRepresentation hyperRepresentation, WeightSet test,
        ImageDataset? dataset, WeightSet? train)
    {
        using var scope = NewDisposeScope();
        var architecture = hyperRepresentation.Architecture;

        // Reconstructions, R² and the linear code all use the weights as the hyper-representation encodes them:
        // aligned when it aligns neurons. Accuracy does not depend on the neuron order.
        var target = hyperRepresentation.Align(test.Weights);
        var alignedTrain = train is { Count: > 0 } ? hyperRepresentation.Align(train.Weights) : null;
        double? linear = alignedTrain is null
            ? null
            : LinearReference.R2(alignedTrain, target, hyperRepresentation.Config.LatentDimension);
        var reconstruction = hyperRepresentation.Decode(hyperRepresentation.EncodeAligned(target));
        double r2 = ReconstructionMetrics.R2(reconstruction, target);
        var layerR2 = ReconstructionMetrics.R2PerLayer(architecture, reconstruction, target);
        double chance = 1.0 / architecture.Classes;
        double? original = null, reconstructed = null;
        if (dataset is not null)
        {
            original = PopulationAccuracy.Evaluate(architecture, test.Weights, dataset).Average();
            reconstructed = PopulationAccuracy.Evaluate(architecture, reconstruction, dataset).Average();
        }

        var (verdict, summary) = Judge(r2, original, reconstructed, chance);
        var training = alignedTrain is null ? null : EvaluateSplit(hyperRepresentation, train!, alignedTrain, dataset);
        return new QualityReport(hyperRepresentation.Config.LayerWiseNormalization, test.Count, r2, layerR2,
            original, reconstructed, chance, verdict, summary + DescribeTraining(verdict, training, linear))
        {
            Training = training,
            LinearR2 = linear,
        };
    }

    /// <summary>
    /// A sentence on the training split when the test split falls short but the training models are reconstructed
    /// well: samplers draw near training anchors, so they can still work.
    /// </summary>
    private static string DescribeTraining(QualityVerdict verdict, SplitQuality? training, double? linearR2)
    {
        if (verdict == QualityVerdict.Good || training?.AccuracyRetention is not double retention ||
            retention < GoodRetention)
        {
            return "";
        }

        string linear = linearR2 is double value
            ? $" A linear code of the same size reaches test R² {value:F3}, so in weight space the test models " +
              "share little linear structure with the training models. Unseen models need a zoo with many more " +
              "models, or models that share more (such as a common initialisation)."
            : "";
        return $" Training-split models keep {retention:P0} of their accuracy: the hyper-representation fits the " +
            "models its anchors come from better than unseen ones, so samples near the anchors can still work." +
            linear;
    }

    private static SplitQuality EvaluateSplit(HyperRepresentation hyperRepresentation, WeightSet split, Tensor target,
        ImageDataset? dataset)
    {
        using var scope = NewDisposeScope();
        var architecture = hyperRepresentation.Architecture;
        var reconstruction = hyperRepresentation.Decode(hyperRepresentation.EncodeAligned(target));
        double r2 = ReconstructionMetrics.R2(reconstruction, target);
        if (dataset is null)
        {
            return new SplitQuality(split.Count, r2, null, null);
        }

        return new SplitQuality(split.Count, r2,
            PopulationAccuracy.Evaluate(architecture, split.Weights, dataset).Average(),
            PopulationAccuracy.Evaluate(architecture, reconstruction, dataset).Average());
    }

    /// <summary>Returns the verdict and its sentence for the given R² and mean accuracies.</summary>
    public static (QualityVerdict Verdict, string Summary) Judge(double r2, double? original, double? reconstructed,
        double chance)
    {
        if (original is not double before || reconstructed is not double after)
        {
            return r2 > 0
                ? (QualityVerdict.Degraded, $"R² is {r2:F3}; accuracy was not measured, so give a dataset to check " +
                    "whether reconstructed models still work.")
                : (QualityVerdict.AtChance, $"R² is {r2:F3}: reconstructions are no better than the mean model. " +
                    "Do not sample from this hyper-representation.");
        }

        double retention = before > 0 ? after / before : 0;
        if (after <= chance + ChanceMargin * Math.Max(before - chance, 0))
        {
            return (QualityVerdict.AtChance, $"Reconstructed models are at chance: {after:P1} against {chance:P1} " +
                $"for guessing (originals {before:P1}). Do not sample from this hyper-representation.");
        }

        return retention >= GoodRetention
            ? (QualityVerdict.Good, $"Reconstructed models keep {retention:P0} of the originals' accuracy " +
                $"({after:P1} against {before:P1}).")
            : (QualityVerdict.Degraded, $"Reconstructed models keep only {retention:P0} of the originals' accuracy " +
                $"({after:P1} against {before:P1}); samples will be weaker than the zoo.");
    }
}
