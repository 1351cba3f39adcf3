namespace HyperRepHub.Core.FineTuning;

/// <summary>Progress of a fine-tuning run, reported after every step and after every epoch's evaluation.</summary>
/// <param name="Epoch">The epoch in progress (1-based), or the epoch just evaluated (0 before any update).</param>
/// <param name="Epochs">Total epochs of the run.</param>
/// <param name="Step">Steps done in <paramref name="Epoch"/>.</param>
/// <param name="StepsPerEpoch">Steps in one epoch.</param>
/// <param name="Evaluated">Per-model test results of <paramref name="Epoch"/>, once evaluated; null after a step.</param>
public sealed record FineTuneProgress(int Epoch, int Epochs, int Step, int StepsPerEpoch, FineTuneEpoch? Evaluated);
