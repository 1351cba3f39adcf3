using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.HyperRepresentations.Tokens;

namespace HyperRepHub.Core.HyperRepresentations.Training;

/// <summary>
/// The part of a training checkpoint that is not a tensor file: progress, schedule, generator states, settings
/// and statistics. With the network and optimizer files it is everything needed to resume exactly.
/// </summary>
/// <param name="CompletedEpochs">Epochs finished; training resumes with the next one.</param>
/// <param name="LearningRate">Current learning rate.</param>
/// <param name="Schedule">Plateau and early-stopping counters.</param>
/// <param name="ShuffleGeneratorState">Base64 state of the generator that orders each epoch's samples.</param>
/// <param name="AugmentationGeneratorState">Base64 state of the generator of permutations, erasing and noise.</param>
/// <param name="DropoutGeneratorState">Base64 state of the generator of dropout masks.</param>
/// <param name="History">Metrics of every finished epoch.</param>
/// <param name="Config">The settings the run started with; resuming with other settings is rejected.</param>
/// <param name="Statistics">Layer statistics of the training split.</param>
/// <param name="Stopped">Whether training has ended (all epochs, or early stopping).</param>
/// <param name="DataFingerprint">SHA-256 of the training and validation data; resuming on other data is rejected.
/// Null in checkpoints written before it was recorded.</param>
public sealed record TrainingState(
    int CompletedEpochs,
    double LearningRate,
    PlateauSchedule Schedule,
    string ShuffleGeneratorState,
    string AugmentationGeneratorState,
    string DropoutGeneratorState,
    IReadOnlyList<EpochProgress> History,
    HyperRepConfig Config,
    LayerStatistics Statistics,
    bool Stopped,
    string? DataFingerprint = null);
