using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Training;

/// <summary>
/// Checkpoints of one zoo split as flat weight vectors, one row per (model, epoch).
/// </summary>
/// <param name="Weights">Float32 <c>[N, P]</c>.</param>
/// <param name="ModelIds">Model id of each row.</param>
/// <param name="Epochs">Epoch of each row's checkpoint.</param>
/// <param name="Accuracies">Test accuracy of each row's checkpoint, a fraction in [0, 1].</param>
public sealed record WeightSet(Tensor Weights, IReadOnlyList<string> ModelIds, IReadOnlyList<int> Epochs,
    IReadOnlyList<double> Accuracies)
{
    /// <summary>Number of rows.</summary>
    public int Count => ModelIds.Count;

    /// <summary>
    /// Throws when the row counts disagree or <see cref="Weights"/> is not <c>[N, parameterCount]</c>.
    /// </summary>
    public void Validate(int parameterCount, string splitName)
    {
        if (Weights.dim() != 2 || Weights.shape[0] != Count || Weights.shape[1] != parameterCount)
        {
            throw new ArgumentException(
                $"The {splitName} weights must be [{Count}, {parameterCount}], " +
                $"got [{string.Join(", ", Weights.shape)}].");
        }

        if (Epochs.Count != Count || Accuracies.Count != Count)
        {
            throw new ArgumentException(
                $"The {splitName} split has {Count} model ids but {Epochs.Count} epochs and " +
                $"{Accuracies.Count} accuracies.");
        }

        if (Count > 0)
        {
            using var finite = Weights.isfinite().all(1); // [N]
            int bad = Array.IndexOf(finite.data<bool>().ToArray(), false);
            if (bad >= 0)
            {
                throw new ArgumentException(
                    $"The {splitName} checkpoint of model '{ModelIds[bad]}' at epoch {Epochs[bad]} contains NaN or " +
                    "infinite weights; remove that model from the zoo or retrain it.");
            }
        }
    }
}
