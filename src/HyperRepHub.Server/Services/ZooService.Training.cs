using System.Text.Json;
using Grpc.Core;
using HyperRepHub.Api.V1;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Grains.Operations;
using HyperRepHub.Grains.Zoos;

namespace HyperRepHub.Server.Services;

public sealed partial class ZooService
{
    /// <inheritdoc/>
    public override async Task<TrainZooResponse> TrainZoo(TrainZooRequest request, ServerCallContext context)
    {
        if (!DatasetCatalog.Names.Contains(request.Dataset))
        {
            throw HubException.InvalidArgument("dataset",
                $"'{request.Dataset}' is not known; use one of {string.Join(", ", DatasetCatalog.Names)}.");
        }

        if (request.ModelCount < 1 || request.Epochs < 1 || request.LearningRate < 0 || request.BatchSize < 0 ||
            request.TrainImages < 0 || request.TestImages < 0)
        {
            throw HubException.InvalidArgument("model_count", "model_count and epochs must be 1 or more, and " +
                "learning_rate, batch_size, train_images and test_images 0 or more.");
        }

        var zoo = grainFactory.GetGrain<IZooGrain>(request.ZooId);
        _ = await zoo.GetAsync();
        var parameters = new ZooTrainingParameters(request.ZooId, request.Dataset, request.ModelCount, request.Epochs,
            request.Seed == 0 ? 1 : request.Seed, request.LearningRate == 0 ? 1e-3 : request.LearningRate,
            request.BatchSize == 0 ? 32 : request.BatchSize, request.TrainImages, request.TestImages);
        var status = await grainFactory.StartOperationAsync(new OperationRequest(ZooTrainingParameters.Kind,
            request.ZooId, JsonSerializer.Serialize(parameters)), OperationPlacement.PreferAccelerator);
        await zoo.SetTrainingOperationAsync(status.Id);
        return new TrainZooResponse { OperationId = status.Id };
    }
}
