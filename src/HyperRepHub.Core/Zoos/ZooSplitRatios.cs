namespace HyperRepHub.Core.Zoos;

/// <summary>How models are assigned to train, validation and test: shuffled with <see cref="Seed"/>, then cut.</summary>
/// <param name="Train">Fraction of models in the training split (default 0.70).</param>
/// <param name="Validation">Fraction in the validation split (default 0.15); the test split takes the rest.</param>
/// <param name="Seed">Seed of the shuffle (default 42).</param>
public sealed record ZooSplitRatios(double Train = 0.70, double Validation = 0.15, long Seed = 42)
{
    /// <summary>The default 70/15/15 split with seed 42.</summary>
    public static ZooSplitRatios Default { get; } = new();

    /// <summary>Assigns a split to each model id. The result depends only on the ids' order, the ratios and the seed.</summary>
    public IReadOnlyDictionary<string, ZooSplit> Assign(IReadOnlyList<string> modelIds)
    {
        ArgumentNullException.ThrowIfNull(modelIds);
        if (Train < 0 || Validation < 0 || Train + Validation > 1)
        {
            throw new ArgumentException(
                $"Split fractions must be non-negative and sum to at most 1, got train {Train}, validation {Validation}.");
        }

        var order = Enumerable.Range(0, modelIds.Count).ToArray();
        new Random(unchecked((int)Seed)).Shuffle(order);
        int trainCount = (int)Math.Round(Train * modelIds.Count);
        int validationCount = (int)Math.Round(Validation * modelIds.Count);
        var result = new Dictionary<string, ZooSplit>(modelIds.Count);
        for (int rank = 0; rank < order.Length; rank++)
        {
            var split = rank < trainCount ? ZooSplit.Train
                : rank < trainCount + validationCount ? ZooSplit.Validation
                : ZooSplit.Test;
            result[modelIds[order[rank]]] = split;
        }

        return result;
    }
}
