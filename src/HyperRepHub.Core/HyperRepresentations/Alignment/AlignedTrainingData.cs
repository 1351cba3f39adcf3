using HyperRepHub.Core.HyperRepresentations.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Alignment;

/// <summary>
/// Training data whose every checkpoint is aligned to one reference: the mean of the aligned training split.
/// </summary>
/// <param name="Data">The aligned splits.</param>
/// <param name="Reference">The reference's flat weights <c>[P]</c>.</param>
/// <param name="StartModelId">The model whose checkpoint the first round aligned to.</param>
/// <param name="StartEpoch">That checkpoint's epoch.</param>
/// <param name="Rounds">How many rounds of aligning to the mean ran.</param>
public sealed record AlignedTrainingData(HyperRepTrainingData Data, Tensor Reference, string StartModelId,
    int StartEpoch, int Rounds)
{
    /// <summary>
    /// Maximum number of rounds of aligning to the mean. On the 30-model MNIST zoo the aligned split stopped changing
    /// after 17 rounds, and after 10 its spread around the mean was within 0.1% of that.
    /// </summary>
    public const int MaxRounds = 10;

    /// <summary>
    /// Aligns the training split to its most accurate checkpoint of the latest epoch, then repeatedly to the mean
    /// of the aligned training split until no checkpoint changes (at most <see cref="MaxRounds"/> rounds), and
    /// aligns every split to that last mean.
    /// </summary>
    public static AlignedTrainingData Create(HyperRepTrainingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Validate();
        int index = NeuronAlignment.ReferenceIndex(data.Train.Epochs, data.Train.Accuracies);
        var alignment = new NeuronAlignment(data.Architecture);
        var train = data.Train.Weights.to(ScalarType.Float32);
        var aligned = alignment.Align(train, train[index].clone());
        var reference = aligned.mean([0]);
        int rounds = 0;
        bool converged = false;
        while (rounds < MaxRounds && !converged)
        {
            rounds++;
            var next = alignment.Align(train, reference);
            converged = next.eq(aligned).all().item<bool>();
            aligned.Dispose();
            aligned = next;
            if (!converged)
            {
                reference.Dispose();
                reference = aligned.mean([0]);
            }
        }

        // Once converged, the last round is already the training split aligned to the final reference.
        if (!converged)
        {
            aligned.Dispose();
            aligned = alignment.Align(train, reference);
        }

        var alignedData = data with
        {
            Train = data.Train with { Weights = aligned },
            Validation = Align(alignment, data.Validation, reference),
            Test = data.Test is null ? null : Align(alignment, data.Test, reference),
        };
        return new AlignedTrainingData(alignedData, reference, data.Train.ModelIds[index], data.Train.Epochs[index],
            rounds);
    }

    private static WeightSet Align(NeuronAlignment alignment, WeightSet set, Tensor reference) =>
        set.Count == 0 ? set : set with { Weights = alignment.Align(set.Weights, reference) };
}
