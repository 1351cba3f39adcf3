using System.Text.Json;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Zoos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Training;

/// <summary>
/// Trains a zoo into a folder: initialises the models, evaluates epoch 0, then trains epoch by epoch, writing
/// checkpoints, model records, the training state and the manifest after each epoch. Running it again on the same
/// folder resumes after the last complete epoch; cancelling it leaves the folder at the last complete epoch.
/// </summary>
public sealed partial class ZooTrainer(ILogger<ZooTrainer>? logger = null)
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>Trains (or resumes) the zoo of <paramref name="request"/> on the given training and test images.</summary>
    public ZooManifest Train(ZooTrainingRequest request, ImageDataset train, ImageDataset test,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Models < 1)
        {
            throw new ArgumentException($"Training configuration: Models must be >= 1, got {request.Models}.",
                nameof(request));
        }

        request.Config.Validate();
        var trainer = new PopulationTrainer(request.Architecture, train, test) { Workers = request.Workers };
        var writer = OpenOrCreate(request);
        using var state = RestoreOrInitialise(request, writer, trainer, out int completed);
        int epochs = request.Config.Epochs;
        int steps = trainer.StepsPerEpoch(state.BatchSize);
        for (int epoch = completed + 1; epoch <= epochs; epoch++)
        {
            int current = epoch;
            trainer.TrainEpoch(state, epoch,
                step => progress?.Report(new TrainingProgress(current, epochs, step, steps, null)), cancellationToken);
            EndEpoch(request, writer, trainer, state, epoch, progress);
        }

        Log.TrainingFinished(_logger, request.Directory, epochs, writer.Manifest.Summary?.MeanTestAccuracy ?? double.NaN);
        return writer.Manifest;
    }

    private ZooWriter OpenOrCreate(ZooTrainingRequest request)
    {
        if (!File.Exists(ZooPaths.Manifest(request.Directory)))
        {
            var records = Enumerable.Range(0, request.Models).Select(i =>
            {
                long seed = request.Config.SeedOf(i);
                return new ModelRecord(ZooPaths.ModelId(i), seed, request.Config.HyperParametersOf(seed), [], []);
            }).ToArray();
            Log.TrainingStarted(_logger, request.Directory, request.Models, request.Config.Epochs);
            return ZooWriter.Create(request.Directory, request.Name, request.Architecture, request.Dataset,
                request.Split ?? ZooSplitRatios.Default, request.Config, records);
        }

        var writer = ZooWriter.Open(request.Directory);
        var manifest = writer.Manifest;
        if (manifest.Models.Count != request.Models || manifest.Dataset != request.Dataset ||
            !manifest.Architecture.IsSameNetwork(request.Architecture) || !SameConfig(manifest.Training, request.Config))
        {
            throw new ZooFormatException(
                $"'{request.Directory}' contains a different zoo ({manifest.Models.Count} models of " +
                $"'{manifest.Architecture.Name}' on '{manifest.Dataset}', preset '{manifest.Training?.Preset}'); " +
                "choose another output folder, or repeat the original command to resume it.");
        }

        return writer;
    }

    private PopulationState RestoreOrInitialise(
        ZooTrainingRequest request, ZooWriter writer, PopulationTrainer trainer, out int completed)
    {
        var records = writer.Records;
        var seeds = records.Select(r => r.Seed).ToArray();
        var hyperParameters = records.Select(r => r.HyperParameters!).ToArray();
        var saved = TrainingStateFile.Load(request.Directory);
        if (saved is { } restored)
        {
            completed = restored.Epoch;
            var state = new PopulationState(restored.Tensors["weights"], seeds, hyperParameters);
            state.Optimizer.LoadStateDict(restored.Tensors);
            TrimRecords(writer, completed);
            Log.TrainingResumed(_logger, request.Directory, completed);
            return state;
        }

        completed = 0;
        var initial = stack(records.Select(r =>
            WeightInitializer.Initialize(request.Architecture, request.Config, r.HyperParameters!.Init, r.Seed))
            .ToArray()); // [M, P]
        var fresh = new PopulationState(initial, seeds, hyperParameters);
        EndEpoch(request, writer, trainer, fresh, 0, progress: null);
        return fresh;
    }

    private void EndEpoch(ZooTrainingRequest request, ZooWriter writer, PopulationTrainer trainer,
        PopulationState state, int epoch, IProgress<TrainingProgress>? progress)
    {
        using var scope = NewDisposeScope();
        var weights = state.Weights.detach();
        var trainMetrics = trainer.Evaluate(weights, onTestImages: false);
        var testMetrics = trainer.Evaluate(weights, onTestImages: true);
        bool keepCheckpoint = request.Config.ResolvedCheckpointEpochs.Contains(epoch);
        var records = writer.Records;
        for (int m = 0; m < records.Count; m++)
        {
            var metrics = new EpochMetrics(epoch, trainMetrics[m].Loss, trainMetrics[m].Accuracy,
                testMetrics[m].Loss, testMetrics[m].Accuracy);
            var record = records[m] with { Epochs = [.. records[m].Epochs, metrics] };
            if (keepCheckpoint)
            {
                writer.SaveCheckpoint(record.Id, epoch, weights[m]);
                record = record with { CheckpointEpochs = [.. record.CheckpointEpochs, epoch] };
            }

            writer.SaveRecord(record);
        }

        TrainingStateFile.Save(request.Directory, state, epoch);
        var manifest = writer.WriteManifest(epoch);
        double mean = manifest.Summary?.MeanTestAccuracy ?? double.NaN;
        Log.EpochCompleted(_logger, request.Directory, epoch, mean);
        int steps = trainer.StepsPerEpoch(state.BatchSize);
        progress?.Report(new TrainingProgress(epoch, request.Config.Epochs, steps, steps, mean));
    }

    private static bool SameConfig(ZooTrainingConfig? saved, ZooTrainingConfig requested) =>
        JsonSerializer.Serialize(saved, ZooJson.Options) == JsonSerializer.Serialize(requested, ZooJson.Options);

    private static void TrimRecords(ZooWriter writer, int completed)
    {
        // A run stopped between the model records and the training state may have recorded one epoch too many.
        foreach (var record in writer.Records)
        {
            if (record.Epochs.Any(e => e.Epoch > completed) || record.CheckpointEpochs.Any(e => e > completed))
            {
                writer.SaveRecord(record with
                {
                    Epochs = record.Epochs.Where(e => e.Epoch <= completed).ToArray(),
                    CheckpointEpochs = record.CheckpointEpochs.Where(e => e <= completed).ToArray(),
                });
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Training zoo {Directory}: {Models} models, {Epochs} epochs")]
        public static partial void TrainingStarted(ILogger logger, string directory, int models, int epochs);

        [LoggerMessage(2, LogLevel.Information, "Resuming zoo {Directory} after epoch {Epoch}")]
        public static partial void TrainingResumed(ILogger logger, string directory, int epoch);

        [LoggerMessage(3, LogLevel.Information,
            "Zoo {Directory}: epoch {Epoch} complete, mean test accuracy {MeanTestAccuracy:P2}")]
        public static partial void EpochCompleted(ILogger logger, string directory, int epoch, double meanTestAccuracy);

        [LoggerMessage(4, LogLevel.Information,
            "Zoo {Directory}: training finished after {Epochs} epochs, mean test accuracy {MeanTestAccuracy:P2}")]
        public static partial void TrainingFinished(ILogger logger, string directory, int epochs, double meanTestAccuracy);
    }
}
