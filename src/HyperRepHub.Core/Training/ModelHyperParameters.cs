namespace HyperRepHub.Core.Training;

/// <summary>The hyper-parameters one model was trained with.</summary>
/// <param name="Init">Initialisation scheme.</param>
/// <param name="Optimizer">Optimizer.</param>
/// <param name="LearningRate">Learning rate.</param>
/// <param name="BatchSize">Images per optimizer step.</param>
/// <param name="Momentum">SGD momentum; ignored by Adam.</param>
public sealed record ModelHyperParameters(
    InitScheme Init,
    OptimizerKind Optimizer,
    double LearningRate,
    int BatchSize,
    double Momentum = 0);
