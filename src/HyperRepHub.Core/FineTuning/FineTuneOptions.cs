using HyperRepHub.Core.Training;

namespace HyperRepHub.Core.FineTuning;

/// <summary>Optimiser settings and length of a fine-tuning run; <see cref="FromZoo"/> copies a zoo's settings.</summary>
/// <param name="Epochs">Passes over the training images.</param>
/// <param name="Optimizer">Optimizer of every model. Default Adam, as the released MNIST zoo.</param>
/// <param name="LearningRate">Learning rate of every model. Default 3e-4, as the released MNIST zoo.</param>
/// <param name="BatchSize">Images per step. Default 10, as the released MNIST zoo.</param>
/// <param name="Momentum">SGD momentum; ignored by Adam.</param>
/// <param name="SeedBase">Model i shuffles the training images with seed <c>SeedBase + i</c>.</param>
public sealed record FineTuneOptions(
    int Epochs,
    OptimizerKind Optimizer = OptimizerKind.Adam,
    double LearningRate = 3e-4,
    int BatchSize = 10,
    double Momentum = 0,
    long SeedBase = 1)
{
    /// <summary>The zoo's optimizer, learning rate, batch size and momentum, for <paramref name="epochs"/> epochs.</summary>
    public static FineTuneOptions FromZoo(ZooTrainingConfig zoo, int epochs)
    {
        ArgumentNullException.ThrowIfNull(zoo);
        return new FineTuneOptions(epochs, zoo.Optimizer, zoo.LearningRate, zoo.BatchSize, zoo.Momentum, zoo.SeedBase);
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 0, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(Momentum, nameof(Momentum));
    }
}
