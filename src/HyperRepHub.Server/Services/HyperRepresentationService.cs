using System.Text.Json;
using Grpc.Core;
using HyperRepHub.Api.V1;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Grains.HyperRepresentations;
using HyperRepHub.Grains.Operations;
using HyperRepHub.Grains.Zoos;

namespace HyperRepHub.Server.Services;

/// <summary>The gRPC hyper-representation API: train (an operation), get and delete.</summary>
public sealed partial class HyperRepresentationService(IGrainFactory grainFactory,
    ILogger<HyperRepresentationService> logger)
    : Api.V1.HyperRepresentationService.HyperRepresentationServiceBase
{
    /// <inheritdoc/>
    public override async Task<TrainHyperRepresentationResponse> TrainHyperRepresentation(
        TrainHyperRepresentationRequest request, ServerCallContext context)
    {
        ResourceIds.Validate("zoo_id", request.ZooId);
        string id = request.HyperRepresentationId.Length > 0
            ? request.HyperRepresentationId
            : ResourceIds.Create("hr");
        ResourceIds.Validate("hyper_representation_id", id);
        var settings = HyperRepresentationMessages.ToSettings(request.Config);

        // The grain is registered before the operation starts, so the handler always finds it.
        string operationId = OperationIds.New(OperationPlacement.PreferAccelerator);
        var grain = grainFactory.GetGrain<IHyperRepresentationGrain>(id);
        await grain.BeginTrainingAsync(request.ZooId, settings, operationId);
        var parameters = JsonSerializer.Serialize(new HyperRepresentationTrainingRequest(id, request.ZooId, settings));
        try
        {
            await grainFactory.GetOperation(operationId)
                .StartAsync(new OperationRequest(HyperRepresentationTrainingRequest.Kind, id, parameters));
        }
        catch (Exception ex)
        {
            await grain.FailTrainingAsync($"The training operation could not start: {ex.Message}");
            throw;
        }

        Log.TrainingStarted(logger, id, request.ZooId, operationId);
        return new TrainHyperRepresentationResponse { HyperRepresentationId = id, OperationId = operationId };
    }

    /// <inheritdoc/>
    public override async Task<HyperRepresentation> GetHyperRepresentation(GetHyperRepresentationRequest request,
        ServerCallContext context) => HyperRepresentationMessages.ToMessage(
            await grainFactory.GetGrain<IHyperRepresentationGrain>(request.HyperRepresentationId).GetAsync());

    /// <inheritdoc/>
    public override async Task<DeleteHyperRepresentationResponse> DeleteHyperRepresentation(
        DeleteHyperRepresentationRequest request, ServerCallContext context)
    {
        bool deleted = await grainFactory.GetGrain<IHyperRepresentationGrain>(request.HyperRepresentationId)
            .DeleteAsync();
        return deleted
            ? new DeleteHyperRepresentationResponse()
            : throw HubException.NotFound("Hyper-representation", request.HyperRepresentationId);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "Training hyper-representation {HyperRepresentationId} on zoo {ZooId} as operation {OperationId}")]
        public static partial void TrainingStarted(ILogger logger, string hyperRepresentationId, string zooId,
            string operationId);
    }
}
