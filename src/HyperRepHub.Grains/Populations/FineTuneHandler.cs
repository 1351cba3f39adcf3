using System.IO.Compression;
using System.Text.Json;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.FineTuning;
using HyperRepHub.Core.Training;
using HyperRepHub.Grains.Operations;
using HyperRepHub.Grains.Zoos;
using HyperRepHub.Storage;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyperRepHub.Grains.Populations;

/// <summary>
/// Fine-tunes every model of a population with the core's <see cref="FineTuner"/>. After each epoch the weights
/// go to <c>populations/{id}/finetune/epoch-{n}.safetensors</c> and then the accuracy summary to the population,
/// and the fine-tuner's folder goes to the operation checkpoint so a restarted operation resumes.
/// </summary>
public sealed class FineTuneHandler(ICheckpointStore store) : IOperationHandler
{
    /// <inheritdoc/>
    public string Kind => FineTuneRequest.Kind;

    /// <inheritdoc/>
    public async Task<string> RunAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<FineTuneRequest>(context.Request.ParametersJson)
            ?? throw new ArgumentException("The operation has no population.finetune parameters.");
        var population = context.GrainFactory.GetGrain<IPopulationGrain>(request.PopulationId);
        var details = await population.GetAsync();
        var zoo = await context.GrainFactory.GetGrain<IZooGrain>(details.ZooId).GetAsync();
        var spec = ArchitectureSpec.FromJson(zoo.Definition.ArchitectureJson);
        byte[] generated = await ReadBlobAsync(BlobNames.PopulationWeights(request.PopulationId, 0), cancellationToken);
        string directory = Path.Combine(Path.GetTempPath(), $"hyperrephub-{context.OperationId}");
        try
        {
            await RestoreCheckpointAsync(context, directory, cancellationToken);
            var history = await Task.Factory.StartNew(
                () => FineTune(context, request, spec, generated, directory, population, cancellationToken),
                cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            return JsonSerializer.Serialize(history.Select(e => new { e.Epoch, e.MeanAccuracy }));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private IReadOnlyList<FineTuneEpoch> FineTune(OperationContext context, FineTuneRequest request,
        ArchitectureSpec spec, byte[] generated, string directory, IPopulationGrain population,
        CancellationToken cancellationToken)
    {
        using var scope = NewDisposeScope();
        var (train, test) = DatasetCatalog.Load(request.Dataset);
        var options = new FineTuneOptions(request.Epochs, OptimizerKind.Adam, request.LearningRate, request.BatchSize,
            SeedBase: request.Seed);
        var tuner = new FineTuner(spec, DatasetSubsets.Limit(train, request.TrainImages),
            DatasetSubsets.Limit(test, request.TestImages), options,
            directory);
        var weights = Safetensors.LoadStateDict(new MemoryStream(generated))[PopulationGenerator.WeightsKey]; // [M, P]
        var result = tuner.Run(weights, progress =>
        {
            Dictionary<string, double>? metrics = null;
            if (progress.Evaluated is { } epoch)
            {
                // The tuner calls back synchronously on this dedicated thread, so waiting blocks only this thread.
                RecordEpochAsync(context, request, directory, epoch, population, cancellationToken)
                    .GetAwaiter().GetResult();
                metrics = new() { ["mean_accuracy"] = epoch.MeanAccuracy, ["mean_loss"] = epoch.MeanLoss };
            }

            // Steps count over the whole run; the evaluation before training reports step 0.
            long done = (long)(progress.Epoch - 1) * progress.StepsPerEpoch + progress.Step;
            context.ReportProgressAsync(Math.Max(0, done), (long)progress.Epochs * progress.StepsPerEpoch,
                $"epoch {progress.Epoch}, step {progress.Step}", metrics).AsTask().GetAwaiter().GetResult();
        }, cancellationToken);
        return result.History;
    }

    private async Task RecordEpochAsync(OperationContext context, FineTuneRequest request, string directory,
        FineTuneEpoch epoch, IPopulationGrain population, CancellationToken cancellationToken)
    {
        if (epoch.Epoch > 0)
        {
            string blobName = BlobNames.PopulationWeights(request.PopulationId, epoch.Epoch);
            var blob = await store.UploadAsync(CheckpointContainers.Populations, blobName,
                new MemoryStream(WeightsOnly(directory, epoch.Epoch)), cancellationToken);
            await population.AddWeightsAsync(new PopulationWeights(epoch.Epoch, blobName, blob.Size, blob.Sha256));
            var checkpoint = new MemoryStream();
            ZipFile.CreateFromDirectory(directory, checkpoint);
            checkpoint.Position = 0;
            await context.SaveCheckpointAsync(checkpoint, cancellationToken);
        }

        await population.RecordAccuracyAsync(
            AccuracySummary.FromAccuracies(epoch.Epoch, request.Dataset, [.. epoch.TestAccuracies]));
    }

    private static byte[] WeightsOnly(string directory, int epoch)
    {
        using var scope = NewDisposeScope();
        var tensors = Safetensors.LoadStateDict(FineTuneCheckpoint.EpochPath(directory, epoch));
        var buffer = new MemoryStream();
        Safetensors.SaveStateDict(buffer, new Dictionary<string, Tensor>
        {
            [PopulationGenerator.WeightsKey] = tensors[PopulationGenerator.WeightsKey],
        });
        return buffer.ToArray();
    }

    private async Task<byte[]> ReadBlobAsync(string blobName, CancellationToken cancellationToken)
    {
        await using var blob = await store.OpenReadAsync(CheckpointContainers.Populations, blobName, cancellationToken);
        var buffer = new MemoryStream();
        await blob.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static async Task RestoreCheckpointAsync(OperationContext context, string directory,
        CancellationToken cancellationToken)
    {
        await using var checkpoint = await context.TryOpenLastCheckpointAsync(cancellationToken);
        if (checkpoint is not null)
        {
            var buffer = new MemoryStream();
            await checkpoint.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            ZipFile.ExtractToDirectory(buffer, directory, overwriteFiles: true);
        }
    }
}
