using System.IO.Compression;
using System.Text.Json;
using HyperRepHub.Core.HyperRepresentations;
using HyperRepHub.Core.HyperRepresentations.Training;
using HyperRepHub.Core.Zoos;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Grains.Operations;
using HyperRepHub.Grains.Zoos;
using HyperRepHub.Storage;
using Microsoft.Extensions.Logging;

namespace HyperRepHub.Grains.HyperRepresentations;

/// <summary>
/// Trains a hyper-representation on a zoo's checkpoints. After every epoch the trainer's work folder becomes the
/// operation's checkpoint, so a restarted operation resumes where it stopped. The saved hyper-representation is
/// uploaded completely before its grain is marked trained.
/// </summary>
public sealed partial class HyperRepresentationTrainingHandler(
    ZooWeightLoader zooWeights, ICheckpointStore store, ILogger<HyperRepresentationTrainingHandler> logger)
    : IOperationHandler
{
    /// <inheritdoc/>
    public string Kind => HyperRepresentationTrainingRequest.Kind;

    /// <inheritdoc/>
    public async Task<string> RunAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<HyperRepresentationTrainingRequest>(context.Request.ParametersJson)
            ?? throw new ArgumentException("The operation has no hyperrep.train parameters.");
        var grain = context.GrainFactory.GetGrain<IHyperRepresentationGrain>(request.HyperRepresentationId);
        string workDirectory = Path.Combine(Path.GetTempPath(), $"hyperrephub-{context.OperationId}");
        try
        {
            var result = await TrainAndUploadAsync(context, request, workDirectory, cancellationToken);
            await grain.CompleteTrainingAsync(result);
            return JsonSerializer.Serialize(result);
        }
        catch (Exception ex)
        {
            Log.TrainingFailed(logger, ex, request.HyperRepresentationId, context.OperationId);
            await grain.FailTrainingAsync(ex is OperationCanceledException ? "Training was cancelled." : ex.Message);
            throw;
        }
        finally
        {
            if (Directory.Exists(workDirectory))
            {
                Directory.Delete(workDirectory, recursive: true);
            }
        }
    }

    private async Task<HyperRepresentationTrainingResult> TrainAndUploadAsync(OperationContext context,
        HyperRepresentationTrainingRequest request, string workDirectory, CancellationToken cancellationToken)
    {
        var zoo = await zooWeights.LoadAsync(request.ZooId, [.. request.Settings.ZooEpochs], cancellationToken);
        string trainDirectory = Path.Combine(workDirectory, "train");
        await RestoreCheckpointAsync(context, trainDirectory, cancellationToken);
        var config = HyperRepresentationConfigs.ToConfig(request.Settings);
        string savedDirectory = Path.Combine(workDirectory, "saved");

        // A dedicated thread: TorchSharp runs synchronously and its dispose scopes are per thread.
        var quality = await Task.Factory.StartNew(() =>
        {
            var data = new HyperRepTrainingData(zoo.Architecture, Rows(zoo, ZooSplit.Train),
                Rows(zoo, ZooSplit.Validation), Rows(zoo, ZooSplit.Test), request.ZooId);
            var trainer = new HyperRepTrainer(data, config, trainDirectory, logger);
            using var trained = trainer.Train(
                progress => OnEpoch(context, trainDirectory, progress, cancellationToken), cancellationToken);
            HyperRepresentationFolder.Save(trained.HyperRepresentation, savedDirectory);
            return (Quality(trained), trained.HyperRepresentation.Statistics.Stds);
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        string prefix = BlobNames.HyperRepresentationPrefix(request.HyperRepresentationId);
        foreach (string file in Directory.EnumerateFiles(savedDirectory))
        {
            await using var content = File.OpenRead(file);
            await store.UploadAsync(CheckpointContainers.HyperRepresentations, prefix + Path.GetFileName(file),
                content, cancellationToken);
        }

        return new HyperRepresentationTrainingResult(prefix, quality.Item1, quality.Stds);
    }

    private static WeightSet Rows(ZooWeights zoo, ZooSplit split) =>
        zoo.Splits.TryGetValue(split, out var rows)
            ? rows.ToWeightSet(zoo.Architecture.ParameterCount)
            : throw new HubException(HubErrorKind.FailedPrecondition,
                $"The zoo has no {split} models at the chosen epochs; upload more models (the split is 70/15/15).");

    private static void OnEpoch(OperationContext context, string trainDirectory, EpochProgress progress,
        CancellationToken cancellationToken)
    {
        var checkpoint = new MemoryStream();
        ZipFile.CreateFromDirectory(trainDirectory, checkpoint);
        checkpoint.Position = 0;

        // The trainer calls back synchronously on the training thread, so waiting here blocks only that thread.
        context.SaveCheckpointAsync(checkpoint, cancellationToken).GetAwaiter().GetResult();
        var metrics = new Dictionary<string, double>
        {
            ["train_loss"] = progress.TrainLoss,
            ["validation_loss"] = progress.ValidationLoss,
            ["validation_r2"] = progress.ValidationR2,
            ["learning_rate"] = progress.LearningRate,
        };
        context.ReportProgressAsync(progress.Epoch, progress.Epochs, $"epoch {progress.Epoch}", metrics)
            .AsTask().GetAwaiter().GetResult();
    }

    private static async Task RestoreCheckpointAsync(OperationContext context, string trainDirectory,
        CancellationToken cancellationToken)
    {
        await using var checkpoint = await context.TryOpenLastCheckpointAsync(cancellationToken);
        if (checkpoint is not null)
        {
            var buffer = new MemoryStream();
            await checkpoint.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            ZipFile.ExtractToDirectory(buffer, trainDirectory, overwriteFiles: true);
        }
    }

    private static Dictionary<string, double> Quality(HyperRepTrainingResult trained)
    {
        var last = trained.History[^1];
        return new Dictionary<string, double>
        {
            ["epochs"] = trained.History.Count,
            ["train_loss"] = last.TrainLoss,
            ["validation_loss"] = trained.History.Min(h => h.ValidationLoss),
            ["validation_r2"] = trained.History.Max(h => h.ValidationR2),
        };
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning,
            "Training of hyper-representation {HyperRepresentationId} in operation {OperationId} did not finish")]
        public static partial void TrainingFailed(ILogger logger, Exception exception, string hyperRepresentationId,
            string operationId);
    }
}
