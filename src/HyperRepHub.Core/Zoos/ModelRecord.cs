using HyperRepHub.Core.Training;

namespace HyperRepHub.Core.Zoos;

/// <summary>The metadata of one model, stored as <c>model.json</c> in the model's folder.</summary>
/// <param name="Id">Model id, also the folder name.</param>
/// <param name="Seed">Seed of the initial weights and the data order.</param>
/// <param name="HyperParameters">The hyper-parameters the model was trained with.</param>
/// <param name="Epochs">Metrics per recorded epoch, ascending; epoch 0 is the untrained model.</param>
/// <param name="CheckpointEpochs">Epochs with a weights file <c>epoch-{n}.safetensors</c>, ascending.</param>
/// <param name="Source">Where the model came from: <c>trained</c>, or the path it was imported from.</param>
/// <param name="Warnings">Problems found in the model, such as non-finite weights at some epoch.</param>
public sealed record ModelRecord(
    string Id,
    long Seed,
    ModelHyperParameters? HyperParameters,
    IReadOnlyList<EpochMetrics> Epochs,
    IReadOnlyList<int> CheckpointEpochs,
    string Source = "trained",
    IReadOnlyList<string>? Warnings = null)
{
    /// <summary>The metrics of <paramref name="epoch"/>, or null when that epoch was not recorded.</summary>
    public EpochMetrics? MetricsAt(int epoch) => Epochs.FirstOrDefault(m => m.Epoch == epoch);

    /// <summary>The metrics of the last recorded epoch, or null when none was recorded.</summary>
    public EpochMetrics? Last => Epochs.Count == 0 ? null : Epochs[^1];
}
