using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations;

/// <summary>
/// Embeddings of known models and their test accuracy, the anchors samplers draw around.
/// </summary>
/// <param name="Embeddings">Float32 <c>[N, D]</c>.</param>
/// <param name="ModelIds">Model id of each row.</param>
/// <param name="Epochs">Checkpoint epoch of each row.</param>
/// <param name="Accuracies">Test accuracy of each row, a fraction in [0, 1].</param>
public sealed record AnchorSet(Tensor Embeddings, IReadOnlyList<string> ModelIds, IReadOnlyList<int> Epochs,
    IReadOnlyList<double> Accuracies)
{
    /// <summary>Number of anchors.</summary>
    public int Count => ModelIds.Count;
}
