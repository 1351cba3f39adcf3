namespace HyperRepHub.Core.HyperRepresentations.Training;

/// <summary>
/// Reduce-on-plateau and early stopping on the validation loss. A loss counts as an improvement when it is below
/// the best so far by more than a relative 1e-4.
/// </summary>
/// <param name="BestLoss">Lowest validation loss so far.</param>
/// <param name="EpochsSinceImprovement">Epochs since <paramref name="BestLoss"/>, for early stopping.</param>
/// <param name="EpochsSincePlateauCheck">Epochs without improvement since the last learning-rate reduction.</param>
public sealed record PlateauSchedule(double BestLoss, int EpochsSinceImprovement, int EpochsSincePlateauCheck)
{
    private const double RelativeThreshold = 1e-4;

    /// <summary>The state before the first epoch.</summary>
    public static PlateauSchedule Initial { get; } = new(double.PositiveInfinity, 0, 0);

    /// <summary>
    /// Records one epoch's validation loss and returns the new state, whether it improved, and whether the learning
    /// rate should be multiplied by the plateau factor now.
    /// </summary>
    public (PlateauSchedule Next, bool Improved, bool ReduceLearningRate) Step(double validationLoss, int patience)
    {
        if (validationLoss < BestLoss * (1 - RelativeThreshold))
        {
            return (new PlateauSchedule(validationLoss, 0, 0), true, false);
        }

        int sincePlateau = EpochsSincePlateauCheck + 1;
        bool reduce = sincePlateau > patience;
        var next = new PlateauSchedule(BestLoss, EpochsSinceImprovement + 1, reduce ? 0 : sincePlateau);
        return (next, false, reduce);
    }
}
