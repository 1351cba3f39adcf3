namespace HyperRepHub.Core.Zoos;

/// <summary>One model as the manifest lists it.</summary>
/// <param name="Id">Model id, also the name of the model's folder.</param>
/// <param name="Split">The part of the zoo the model belongs to.</param>
/// <param name="Seed">The seed that decided the model's initial weights and data order.</param>
/// <param name="CheckpointEpochs">Epochs with a weights file, ascending.</param>
/// <param name="FinalTestAccuracy">Test accuracy at the last recorded epoch, a fraction, or null before epoch 0.</param>
/// <param name="Files">Every file of the model with its hash.</param>
public sealed record ZooModelEntry(
    string Id,
    ZooSplit Split,
    long Seed,
    IReadOnlyList<int> CheckpointEpochs,
    double? FinalTestAccuracy,
    IReadOnlyList<ZooFileEntry> Files);
