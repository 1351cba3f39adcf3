using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Training;
using HyperRepHub.Core.Zoos;
using static TorchSharp.torch;

namespace HyperRepHub.Core.FineTuning;

/// <summary>
/// Starting weights of the baselines that generated populations are compared with, to fine-tune on the same
/// footing: B_T (trained from the zoo's initialisation) and B_F (pre-trained on a source dataset).
/// </summary>
public static class FineTuneBaselines
{
    /// <summary>
    /// B_T: <paramref name="count"/> fresh models <c>[count, P]</c> drawn with the zoo's initialisation scheme,
    /// with seeds <paramref name="seedBase"/>, <paramref name="seedBase"/> + 1, ...
    /// </summary>
    public static Tensor FromScratch(ArchitectureSpec spec, ZooTrainingConfig zoo, int count, long seedBase)
    {
        ArgumentNullException.ThrowIfNull(zoo);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var rows = Enumerable.Range(0, count)
            .Select(i => WeightInitializer.Initialize(spec, zoo, zoo.Init, seedBase + i))
            .ToArray();
        return stack(rows, 0); // [count, P]
    }

    /// <summary>
    /// B_F: the first <paramref name="count"/> training-split models of a zoo trained on the source dataset, at
    /// <paramref name="epoch"/>, <c>[count, P]</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The split has fewer than <paramref name="count"/> models at that epoch.</exception>
    public static Tensor PreTrained(Zoo zoo, int epoch, int count)
    {
        ArgumentNullException.ThrowIfNull(zoo);
        var batch = zoo.LoadCheckpoints(ZooSplit.Train, [epoch]);
        if (batch.Count < count)
        {
            throw new ArgumentException(
                $"The zoo's training split has {batch.Count} models at epoch {epoch}, fewer than the {count} requested.",
                nameof(count));
        }

        return batch.Weights.narrow(0, 0, count); // [count, P]
    }
}
