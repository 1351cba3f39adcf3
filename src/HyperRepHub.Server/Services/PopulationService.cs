using Google.Protobuf;
using Grpc.Core;
using HyperRepHub.Api.V1;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Checkpoints;
using HyperRepHub.Core.Datasets;
using System.Text.Json;
using HyperRepHub.Grains.Operations;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Grains.Populations;
using HyperRepHub.Grains.Zoos;
using HyperRepHub.Storage;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyperRepHub.Server.Services;

/// <summary>The gRPC population API: generate, get, statistics and weight download.</summary>
public sealed partial class PopulationService(IGrainFactory grainFactory, ICheckpointStore store,
    ILogger<PopulationService> logger) : Api.V1.PopulationService.PopulationServiceBase
{
    private const int ChunkBytes = 64 * 1024;

    /// <inheritdoc/>
    public override async Task<Population> GeneratePopulation(GeneratePopulationRequest request,
        ServerCallContext context)
    {
        ResourceIds.Validate("hyper_representation_id", request.HyperRepresentationId);
        var definition = PopulationMessages.ToDefinition(request);
        string id = ResourceIds.Create("pop");
        var details = await grainFactory.GetGrain<IPopulationGrain>(id).GenerateAsync(definition);
        Log.Generated(logger, id, definition.HyperRepresentationId, definition.Count);
        return PopulationMessages.ToMessage(details);
    }

    /// <inheritdoc/>
    public override async Task<Population> GetPopulation(GetPopulationRequest request, ServerCallContext context) =>
        PopulationMessages.ToMessage(await grainFactory.GetGrain<IPopulationGrain>(request.PopulationId).GetAsync());

    /// <inheritdoc/>
    public override async Task<PopulationStatistics> GetPopulationStatistics(GetPopulationStatisticsRequest request,
        ServerCallContext context) => PopulationMessages.ToStatistics(
            await grainFactory.GetGrain<IPopulationGrain>(request.PopulationId).GetAsync());

    /// <inheritdoc/>
    public override async Task DownloadWeights(DownloadWeightsRequest request,
        IServerStreamWriter<DownloadWeightsResponse> responseStream, ServerCallContext context)
    {
        if (request.Epoch < 0)
        {
            throw HubException.InvalidArgument("epoch",
                $"must be 0 (the generated weights) or more, got {request.Epoch}.");
        }

        var details = await grainFactory.GetGrain<IPopulationGrain>(request.PopulationId).GetAsync();
        var weights = details.Weights.FirstOrDefault(w => w.Epoch == request.Epoch)
            ?? throw HubException.NotFound("Weights", $"{request.PopulationId}/epoch-{request.Epoch}");
        var zoo = await grainFactory.GetGrain<IZooGrain>(details.ZooId).GetAsync();
        var spec = ArchitectureSpec.FromJson(zoo.Definition.ArchitectureJson);
        var models = await ReadModelsAsync(weights.BlobName, spec, context.CancellationToken);
        for (int i = 0; i < models.Length; i++)
        {
            var file = new MemoryStream();
            await SafetensorsCheckpointWriter.WriteAsync(file, spec, models[i],
                cancellationToken: context.CancellationToken);
            await responseStream.WriteAsync(new DownloadWeightsResponse
            {
                Header = new ModelHeader { Index = i, FileName = $"model-{i:D5}.safetensors", SizeBytes = file.Length },
            });
            await WriteChunksAsync(file.ToArray(), responseStream);
        }
    }

    /// <inheritdoc/>
    public override async Task<FineTunePopulationResponse> FineTunePopulation(FineTunePopulationRequest request,
        ServerCallContext context)
    {
        if (!DatasetCatalog.Names.Contains(request.Dataset))
        {
            throw HubException.InvalidArgument("dataset",
                $"'{request.Dataset}' is not known; use one of {string.Join(", ", DatasetCatalog.Names)}.");
        }

        if (request.Epochs < 1 || request.LearningRate < 0 || request.BatchSize < 0 ||
            request.TrainImages < 0 || request.TestImages < 0)
        {
            throw HubException.InvalidArgument("epochs",
                "epochs must be 1 or more, and learning_rate, batch_size, train_images and test_images 0 or more.");
        }

        var population = grainFactory.GetGrain<IPopulationGrain>(request.PopulationId);
        _ = await population.GetAsync();
        var parameters = new FineTuneRequest(request.PopulationId, request.Dataset, request.Epochs,
            request.LearningRate == 0 ? 3e-4 : request.LearningRate, request.BatchSize == 0 ? 10 : request.BatchSize,
            request.Seed == 0 ? 1 : request.Seed, request.TrainImages, request.TestImages);
        var status = await grainFactory.StartOperationAsync(
            new OperationRequest(FineTuneRequest.Kind, request.PopulationId, JsonSerializer.Serialize(parameters)),
            OperationPlacement.PreferAccelerator);
        await population.AddOperationAsync(status.Id);
        return new FineTunePopulationResponse { OperationId = status.Id };
    }

    private async Task<float[][]> ReadModelsAsync(string blobName, ArchitectureSpec spec,
        CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await using (var blob = await store.OpenReadAsync(CheckpointContainers.Populations, blobName,
            cancellationToken))
        {
            await blob.CopyToAsync(buffer, cancellationToken);
        }

        buffer.Position = 0;
        using var scope = NewDisposeScope();
        var stacked = Safetensors.LoadStateDict(buffer)[PopulationGenerator.WeightsKey]; // [M, P]
        int parameterCount = spec.ParameterCount;
        var flat = stacked.data<float>().ToArray();
        return [.. Enumerable.Range(0, (int)stacked.shape[0])
            .Select(i => flat.AsSpan(i * parameterCount, parameterCount).ToArray())];
    }

    private static async Task WriteChunksAsync(byte[] file, IServerStreamWriter<DownloadWeightsResponse> stream)
    {
        for (int offset = 0; offset < file.Length; offset += ChunkBytes)
        {
            int length = Math.Min(ChunkBytes, file.Length - offset);
            await stream.WriteAsync(new DownloadWeightsResponse { Chunk = ByteString.CopyFrom(file, offset, length) });
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "Generated population {PopulationId} of {Count} models from {HyperRepresentationId}")]
        public static partial void Generated(ILogger logger, string populationId, string hyperRepresentationId,
            int count);
    }
}
