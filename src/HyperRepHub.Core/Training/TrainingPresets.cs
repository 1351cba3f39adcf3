namespace HyperRepHub.Core.Training;

/// <summary>The named training recipes.</summary>
public static class TrainingPresets
{
    /// <summary>
    /// The released MNIST zoo's recipe: weights U(0, 1) and biases 0.01, Adam lr 3e-4 without weight decay,
    /// batch 10, 50 epochs, a checkpoint at every epoch from 0, seeds 1, 2, 3, ...
    /// </summary>
    public static ZooTrainingConfig Paper { get; } = new(
        "paper", InitScheme.Uniform01, OptimizerKind.Adam, LearningRate: 3e-4, BatchSize: 10, Epochs: 50);

    /// <summary>
    /// A recipe that reaches high MNIST accuracy in a few epochs: PyTorch's default kaiming-uniform init, Adam lr 1e-3,
    /// batch 32, 5 epochs.
    /// </summary>
    public static ZooTrainingConfig Fast { get; } = new(
        "fast", InitScheme.KaimingUniform, OptimizerKind.Adam, LearningRate: 1e-3, BatchSize: 32, Epochs: 5);

    /// <summary>Finds a preset by name (<c>paper</c> or <c>fast</c>).</summary>
    /// <exception cref="ArgumentException">No preset has that name.</exception>
    public static ZooTrainingConfig Get(string name) => name.ToLowerInvariant() switch
    {
        "paper" => Paper,
        "fast" => Fast,
        _ => throw new ArgumentException($"Unknown training preset '{name}'; use 'paper' or 'fast'.", nameof(name)),
    };
}
