using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.HyperRepresentations.Alignment;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Evaluation;

/// <summary>
/// The statistics of a generated population: test-set performance and, always beside it, novelty against the
/// zoo's training split, so copies of the zoo cannot pass for new models (permuted copies included).
/// </summary>
/// <param name="Evaluation">Per-model loss, accuracy and predictions on the test set.</param>
/// <param name="Novelty">Distances to the nearest training model in weight and function space.</param>
public sealed record PopulationReport(PopulationEvaluation Evaluation, NoveltyReport Novelty)
{
    /// <summary>Evaluates <paramref name="generated"/> on <paramref name="testSet"/> and measures its novelty.</summary>
    /// <param name="spec">Architecture of both populations.</param>
    /// <param name="generated">Generated flat weights <c>[G, P]</c>.</param>
    /// <param name="training">The zoo's training-split flat weights <c>[T, P]</c>.</param>
    /// <param name="testSet">Test images.</param>
    /// <param name="trainingEvaluation">The training split's evaluation on the same test set, if already computed.</param>
    public static PopulationReport Create(ArchitectureSpec spec, Tensor generated, Tensor training,
        ImageDataset testSet, PopulationEvaluation? trainingEvaluation = null)
    {
        var evaluation = PopulationEvaluator.Evaluate(spec, generated, testSet);
        trainingEvaluation ??= PopulationEvaluator.Evaluate(spec, training, testSet);
        var novelty = NoveltyAnalysis.Measure(generated, training, evaluation.Predictions,
            trainingEvaluation.Predictions, new NeuronAlignment(spec));
        return new PopulationReport(evaluation, novelty);
    }
}
