using static TorchSharp.torch;

namespace HyperRepHub.Core.Zoos;

/// <summary>Checkpoints of many models stacked as rows, with what each row is.</summary>
/// <param name="Weights">Float32 flat weight vectors <c>[N, P]</c>.</param>
/// <param name="ModelIds">Model id of each row.</param>
/// <param name="Epochs">Epoch of each row.</param>
/// <param name="TestAccuracies">Test accuracy of each row's model at that epoch, a fraction, or NaN if not recorded.</param>
public sealed record CheckpointBatch(
    Tensor Weights,
    IReadOnlyList<string> ModelIds,
    IReadOnlyList<int> Epochs,
    IReadOnlyList<double> TestAccuracies)
{
    /// <summary>Number of rows.</summary>
    public int Count => ModelIds.Count;
}
