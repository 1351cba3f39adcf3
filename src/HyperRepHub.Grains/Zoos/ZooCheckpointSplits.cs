using HyperRepHub.Core.Zoos;
using HyperRepHub.Grains.Errors;

namespace HyperRepHub.Grains.Zoos;

/// <summary>
/// Assigns a zoo's checkpoints at chosen epochs to the train, validation and test splits from the zoo's metadata
/// alone. Models are split 70/15/15 with a fixed seed, so no model contributes to two splits.
/// </summary>
public static class ZooCheckpointSplits
{
    /// <summary>
    /// Returns the checkpoints of each split in model, then epoch order. A split without models is left out.
    /// </summary>
    /// <exception cref="HubException">FailedPrecondition when the zoo has no checkpoints at these epochs.</exception>
    public static IReadOnlyDictionary<ZooSplit, ZooCheckpoint[]> Assign(ZooDetails zoo,
        IReadOnlyCollection<int> epochs)
    {
        ArgumentNullException.ThrowIfNull(zoo);
        ArgumentNullException.ThrowIfNull(epochs);
        var selected = zoo.Checkpoints.Where(c => epochs.Contains(c.Epoch)).ToArray();
        if (selected.Length == 0)
        {
            throw new HubException(HubErrorKind.FailedPrecondition,
                $"Zoo '{zoo.ZooId}' has no checkpoints at epochs {string.Join(", ", epochs)}; upload them or " +
                $"choose epochs the zoo has ({FormatEpochs(zoo)}).");
        }

        var modelIds = selected.Select(c => c.ModelId).Distinct().Order(StringComparer.Ordinal).ToArray();
        var assignment = ZooSplitRatios.Default.Assign(modelIds);
        return selected.GroupBy(c => assignment[c.ModelId]).ToDictionary(
            group => group.Key,
            group => group.OrderBy(c => c.ModelId, StringComparer.Ordinal).ThenBy(c => c.Epoch).ToArray());
    }

    /// <summary>
    /// Checks that every split has checkpoints at <paramref name="epochs"/> and that the training split contains at
    /// least <paramref name="batchSize"/> of them, which a hyper-representation needs to train.
    /// </summary>
    /// <exception cref="HubException">FailedPrecondition naming the split or the batch size.</exception>
    public static void EnsureTrainable(ZooDetails zoo, IReadOnlyCollection<int> epochs, int batchSize)
    {
        var splits = Assign(zoo, epochs);
        var modelCounts = Enum.GetValues<ZooSplit>().ToDictionary(
            split => split,
            split => splits.TryGetValue(split, out var rows) ? rows.Select(c => c.ModelId).Distinct().Count() : 0);
        var empty = modelCounts.Where(pair => pair.Value == 0).Select(pair => pair.Key).ToArray();
        if (empty.Length > 0)
        {
            throw new HubException(HubErrorKind.FailedPrecondition,
                $"Zoo '{zoo.ZooId}' has no {empty[0].ToString().ToLowerInvariant()}-split models at epochs " +
                $"{string.Join(", ", epochs)}: its {modelCounts.Values.Sum()} models there split into " +
                $"{modelCounts[ZooSplit.Train]} train, {modelCounts[ZooSplit.Validation]} validation and " +
                $"{modelCounts[ZooSplit.Test]} test (70/15/15 by model). Upload checkpoints of " +
                $"{MinimumModels} or more models at these epochs.");
        }

        int trainCheckpoints = splits[ZooSplit.Train].Length;
        if (trainCheckpoints < batchSize)
        {
            throw new HubException(HubErrorKind.FailedPrecondition,
                $"config.batch_size {batchSize} is larger than the zoo's training split at epochs " +
                $"{string.Join(", ", epochs)} ({trainCheckpoints} checkpoints); an epoch uses complete batches " +
                "only, so lower batch_size or upload more models.");
        }
    }

    /// <summary>The fewest models whose 70/15/15 split leaves no split empty.</summary>
    public static int MinimumModels { get; } = FindMinimumModels();

    private static int FindMinimumModels()
    {
        for (int count = 1; ; count++)
        {
            var ids = Enumerable.Range(0, count).Select(i => $"model-{i}").ToArray();
            if (ZooSplitRatios.Default.Assign(ids).Values.Distinct().Count() == Enum.GetValues<ZooSplit>().Length)
            {
                return count;
            }
        }
    }

    private static string FormatEpochs(ZooDetails zoo)
    {
        var epochs = zoo.Checkpoints.Select(c => c.Epoch).Distinct().Order().ToArray();
        return epochs.Length == 0 ? "it has no checkpoints yet" : $"it has epochs {string.Join(", ", epochs)}";
    }
}
