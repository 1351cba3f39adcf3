namespace HyperRepHub.Core.Training;

/// <summary>How a population of models is initialised and trained.</summary>
/// <param name="Preset">Name of the preset this configuration came from, or <c>custom</c>.</param>
/// <param name="Init">Initialisation scheme.</param>
/// <param name="Optimizer">Optimizer.</param>
/// <param name="LearningRate">Learning rate of every model unless <paramref name="LearningRateGrid"/> is set.</param>
/// <param name="BatchSize">Images per optimizer step.</param>
/// <param name="Epochs">Passes over the training images.</param>
/// <param name="SeedBase">Model i gets seed <c>SeedBase + i</c>.</param>
/// <param name="InitLow">Lower bound of <see cref="InitScheme.UniformRange"/>.</param>
/// <param name="InitHigh">Upper bound of <see cref="InitScheme.UniformRange"/>.</param>
/// <param name="BiasFill">Bias value of <see cref="InitScheme.Uniform01"/> and <see cref="InitScheme.UniformRange"/>.</param>
/// <param name="Momentum">SGD momentum.</param>
/// <param name="CheckpointEpochs">Epochs to save weights at; null means every epoch from 0 to <paramref name="Epochs"/>.</param>
/// <param name="LearningRateGrid">When set, each model draws its learning rate from this list with its own seed.</param>
public sealed record ZooTrainingConfig(
    string Preset,
    InitScheme Init,
    OptimizerKind Optimizer,
    double LearningRate,
    int BatchSize,
    int Epochs,
    long SeedBase = 1,
    double InitLow = 0,
    double InitHigh = 1,
    double BiasFill = 0.01,
    double Momentum = 0,
    IReadOnlyList<int>? CheckpointEpochs = null,
    IReadOnlyList<double>? LearningRateGrid = null)
{
    /// <summary>The epochs that get a weights file, ascending and within [0, <see cref="Epochs"/>].</summary>
    public IReadOnlyList<int> ResolvedCheckpointEpochs =>
        (CheckpointEpochs ?? Enumerable.Range(0, Epochs + 1).ToArray())
            .Where(e => e >= 0 && e <= Epochs).Distinct().Order().ToArray();

    /// <summary>Seed of model <paramref name="index"/>.</summary>
    public long SeedOf(int index) => SeedBase + index;

    /// <summary>The hyper-parameters of the model with <paramref name="seed"/>.</summary>
    public ModelHyperParameters HyperParametersOf(long seed)
    {
        double learningRate = LearningRate;
        if (LearningRateGrid is { Count: > 0 } grid)
        {
            learningRate = grid[new Random(unchecked((int)(seed * 7919 + 17))).Next(grid.Count)];
        }

        return new ModelHyperParameters(Init, Optimizer, learningRate, BatchSize, Momentum);
    }

    /// <summary>Checks every field and throws an <see cref="ArgumentException"/> naming the first invalid one.</summary>
    public void Validate()
    {
        Require(Epochs >= 0, nameof(Epochs), $"must be >= 0, got {Epochs}");
        Require(BatchSize >= 1, nameof(BatchSize), $"must be >= 1, got {BatchSize}");
        Require(LearningRate > 0, nameof(LearningRate), $"must be > 0, got {LearningRate}");
        Require(Momentum is >= 0 and < 1, nameof(Momentum), $"must be in [0, 1), got {Momentum}");
        Require(Init != InitScheme.UniformRange || InitLow < InitHigh, nameof(InitLow),
            $"must be below {nameof(InitHigh)}, got {InitLow} and {InitHigh}");
        Require(LearningRateGrid is null || LearningRateGrid.All(lr => lr > 0), nameof(LearningRateGrid),
            "must contain only positive learning rates");
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Training configuration: {name} {message}.", name);
        }
    }
}
