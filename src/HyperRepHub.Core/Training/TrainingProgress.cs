namespace HyperRepHub.Core.Training;

/// <summary>Progress of a zoo training run, reported after every step and every evaluation.</summary>
/// <param name="Epoch">The epoch in progress (1-based), or the epoch just evaluated (0 for the untrained models).</param>
/// <param name="Epochs">Total epochs of the run.</param>
/// <param name="Step">Steps done in <paramref name="Epoch"/>.</param>
/// <param name="StepsPerEpoch">Steps in one epoch.</param>
/// <param name="MeanTestAccuracy">Mean test accuracy over models after <paramref name="Epoch"/>, once evaluated.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Step, int StepsPerEpoch, double? MeanTestAccuracy);
