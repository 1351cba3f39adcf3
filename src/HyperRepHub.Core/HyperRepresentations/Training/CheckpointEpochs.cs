namespace HyperRepHub.Core.HyperRepresentations.Training;

/// <summary>Which checkpoint epochs of each model a hyper-representation trains on.</summary>
public static class CheckpointEpochs
{
    /// <summary>First epoch of the default range: models that perform well but have not converged yet.</summary>
    public const int DefaultFirst = 21;

    /// <summary>Last epoch of the default range.</summary>
    public const int DefaultLast = 25;

    /// <summary>
    /// Returns epochs 21-25 when the zoo trained for at least 25 epochs, otherwise its last five epochs
    /// (fewer when it has fewer than five epochs after epoch 0, which is the untrained model).
    /// </summary>
    public static IReadOnlyList<int> Default(int lastEpoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lastEpoch);
        if (lastEpoch >= DefaultLast)
        {
            return Enumerable.Range(DefaultFirst, DefaultLast - DefaultFirst + 1).ToArray();
        }

        int first = Math.Max(1, lastEpoch - 4);
        return Enumerable.Range(first, lastEpoch - first + 1).ToArray();
    }
}
