using HyperRepHub.Core.Zoos;

namespace HyperRepHub.Core.HyperRepresentations.Training;

/// <summary>Loads a zoo's splits as <see cref="HyperRepTrainingData"/>.</summary>
public static class ZooTrainingData
{
    /// <summary>
    /// Loads the checkpoints of <paramref name="epochs"/> from every split of <paramref name="zoo"/>; by default
    /// the epochs of <see cref="CheckpointEpochs.Default"/> for the zoo's last checkpoint epoch.
    /// </summary>
    /// <exception cref="ArgumentException">The zoo has no checkpoint after epoch 0 or a split has no checkpoint at
    /// those epochs.</exception>
    public static HyperRepTrainingData Load(Zoo zoo, IReadOnlyList<int>? epochs = null)
    {
        ArgumentNullException.ThrowIfNull(zoo);
        epochs ??= DefaultEpochs(zoo);
        var train = ToWeightSet(zoo.LoadCheckpoints(ZooSplit.Train, epochs));
        var validation = ToWeightSet(zoo.LoadCheckpoints(ZooSplit.Validation, epochs));
        var test = ToWeightSet(zoo.LoadCheckpoints(ZooSplit.Test, epochs));
        if (train.Count == 0)
        {
            throw new ArgumentException(
                $"Zoo '{zoo.Directory}' has no training-split checkpoint at epochs {string.Join(", ", epochs)}.");
        }

        return new HyperRepTrainingData(zoo.Architecture, train, validation, test, zoo.Directory);
    }

    /// <summary>The default epochs for <paramref name="zoo"/>: 21-25, or the last five of a shorter zoo.</summary>
    public static IReadOnlyList<int> DefaultEpochs(Zoo zoo)
    {
        int last = zoo.Models.SelectMany(m => m.CheckpointEpochs).DefaultIfEmpty(0).Max();
        if (last <= 0)
        {
            throw new ArgumentException(
                $"Zoo '{zoo.Directory}' has no checkpoint after epoch 0 (the untrained models).");
        }

        return CheckpointEpochs.Default(last);
    }

    private static WeightSet ToWeightSet(CheckpointBatch batch) =>
        new(batch.Weights, batch.ModelIds, batch.Epochs, batch.TestAccuracies);
}
