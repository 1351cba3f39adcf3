using static TorchSharp.torch;

namespace HyperRepHub.Core.Evaluation;

/// <summary>Test-set results of every model of a population.</summary>
/// <param name="Losses">Mean cross-entropy of each model.</param>
/// <param name="Accuracies">Accuracy of each model, a fraction in [0, 1].</param>
/// <param name="Predictions">Predicted class of each model on each image, int64 <c>[M, N]</c>.</param>
public sealed record PopulationEvaluation(IReadOnlyList<double> Losses, IReadOnlyList<double> Accuracies,
    Tensor Predictions)
{
    /// <summary>Summary of the losses.</summary>
    public SummaryStatistics Loss => SummaryStatistics.Of(Losses.ToArray());

    /// <summary>Summary of the accuracies.</summary>
    public SummaryStatistics Accuracy => SummaryStatistics.Of(Accuracies.ToArray());
}
