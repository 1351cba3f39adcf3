using System.Text.Json;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Training;
using HyperRepHub.Core.Zoos;
using HyperRepHub.Grains.Operations;

namespace HyperRepHub.Grains.Zoos;

/// <summary>
/// Trains a zoo with the core's <see cref="ZooTrainer"/> (the fast recipe with the requested seed, learning rate and
/// batch size) into a temporary folder, then stores every checkpoint through the <see cref="ZooCheckpointImporter"/>,
/// so each blob is complete before the zoo records it. A restarted operation on the same silo resumes the folder.
/// </summary>
public sealed class ZooTrainingHandler(ZooCheckpointImporter importer) : IOperationHandler
{
    /// <inheritdoc/>
    public string Kind => ZooTrainingParameters.Kind;

    /// <inheritdoc/>
    public async Task<string> RunAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var parameters = JsonSerializer.Deserialize<ZooTrainingParameters>(context.Request.ParametersJson)
            ?? throw new ArgumentException("The operation has no zoo.train parameters.");
        var zoo = await context.GrainFactory.GetGrain<IZooGrain>(parameters.ZooId).GetAsync();
        var spec = ArchitectureSpec.FromJson(zoo.Definition.ArchitectureJson);
        string directory = Path.Combine(Path.GetTempPath(), $"hyperrephub-{context.OperationId}");
        try
        {
            await Task.Factory.StartNew(() => Train(context, parameters, spec, directory, cancellationToken),
                cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            int stored = await StoreCheckpointsAsync(parameters, directory, cancellationToken);
            return JsonSerializer.Serialize(new { models = parameters.Models, checkpoints = stored });
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static void Train(OperationContext context, ZooTrainingParameters parameters, ArchitectureSpec spec,
        string directory, CancellationToken cancellationToken)
    {
        var (train, test) = DatasetCatalog.Load(parameters.Dataset);
        var config = TrainingPresets.Fast with
        {
            Preset = "custom",
            Epochs = parameters.Epochs,
            SeedBase = parameters.Seed,
            LearningRate = parameters.LearningRate,
            BatchSize = parameters.BatchSize,
        };
        var request = new ZooTrainingRequest(directory, parameters.ZooId, parameters.Dataset, spec, parameters.Models,
            config);
        // The trainer reports synchronously on this dedicated thread, so waiting blocks only this thread.
        var progress = new SynchronousProgress(p => context.ReportProgressAsync(
            Math.Max(0, (long)(p.Epoch - 1) * p.StepsPerEpoch + p.Step), (long)p.Epochs * p.StepsPerEpoch,
            $"epoch {p.Epoch}, step {p.Step}",
            p.MeanTestAccuracy is { } accuracy ? new Dictionary<string, double> { ["mean_accuracy"] = accuracy } : null)
            .AsTask().GetAwaiter().GetResult());
        new ZooTrainer().Train(request, DatasetSubsets.Limit(train, parameters.TrainImages),
            DatasetSubsets.Limit(test, parameters.TestImages),
            progress, cancellationToken);
    }

    private async Task<int> StoreCheckpointsAsync(ZooTrainingParameters parameters, string directory,
        CancellationToken cancellationToken)
    {
        var trained = Zoo.Open(directory);
        int stored = 0;
        foreach (var model in trained.Models)
        {
            foreach (int epoch in model.CheckpointEpochs)
            {
                var upload = new ZooUpload(parameters.ZooId, model.Id, epoch, CheckpointFileFormat.Safetensors,
                    model.MetricsAt(epoch)?.TestAccuracy ?? -1, model.Seed);
                await importer.ImportAsync(upload, ZooPaths.Checkpoint(directory, model.Id, epoch), cancellationToken);
                stored++;
            }
        }

        return stored;
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
