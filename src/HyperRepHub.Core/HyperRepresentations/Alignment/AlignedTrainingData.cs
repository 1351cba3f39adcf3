using HyperRepHub.Core.HyperRepresentations.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Alignment;

/// <summary>Training data whose every checkpoint is aligned to one reference checkpoint of the training split.</summary>
/// <param name="Data">The aligned splits.</param>
/// <param name="Reference">The reference's flat weights <c>[P]</c>.</param>
/// <param name="ReferenceModelId">The model the reference checkpoint belongs to.</param>
/// <param name="ReferenceEpoch">The reference checkpoint's epoch.</param>
public sealed record AlignedTrainingData(HyperRepTrainingData Data, Tensor Reference, string ReferenceModelId,
    int ReferenceEpoch)
{
    /// <summary>
    /// Picks the most accurate training checkpoint of the latest epoch as the reference and aligns every split to it.
    /// </summary>
    public static AlignedTrainingData Create(HyperRepTrainingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Validate();
        int index = NeuronAlignment.ReferenceIndex(data.Train.Epochs, data.Train.Accuracies);
        var reference = data.Train.Weights[index].to(ScalarType.Float32).clone();
        var alignment = new NeuronAlignment(data.Architecture);
        var aligned = data with
        {
            Train = Align(alignment, data.Train, reference),
            Validation = Align(alignment, data.Validation, reference),
            Test = data.Test is null ? null : Align(alignment, data.Test, reference),
        };
        return new AlignedTrainingData(aligned, reference, data.Train.ModelIds[index], data.Train.Epochs[index]);
    }

    private static WeightSet Align(NeuronAlignment alignment, WeightSet set, Tensor reference) =>
        set.Count == 0 ? set : set with { Weights = alignment.Align(set.Weights, reference) };
}
