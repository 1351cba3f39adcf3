using System.Text.Json;
using Grpc.Core;
using HyperRepHub.Api.V1;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Grains.Operations;
using HyperRepHub.Grains.Populations;

namespace HyperRepHub.Server.Services;

public sealed partial class PopulationService
{
    /// <inheritdoc/>
    public override async Task<EvaluateEnsembleResponse> EvaluateEnsemble(EvaluateEnsembleRequest request,
        ServerCallContext context)
    {
        if (!DatasetCatalog.Names.Contains(request.Dataset))
        {
            throw HubException.InvalidArgument("dataset",
                $"'{request.Dataset}' is not known; use one of {string.Join(", ", DatasetCatalog.Names)}.");
        }

        var population = grainFactory.GetGrain<IPopulationGrain>(request.PopulationId);
        var details = await population.GetAsync();
        if (request.Sizes.Count == 0 || request.Sizes.Any(size => size < 1 || size > details.Definition.Count))
        {
            throw HubException.InvalidArgument("sizes",
                $"give one or more ensemble sizes between 1 and the population's {details.Definition.Count} models.");
        }

        if (request.Epoch < 0)
        {
            throw HubException.InvalidArgument("epoch", $"must be 0 or more, got {request.Epoch}.");
        }

        if (details.Weights.All(w => w.Epoch != request.Epoch))
        {
            throw new HubException(HubErrorKind.FailedPrecondition,
                $"Population '{request.PopulationId}' has no weights at epoch {request.Epoch}; it has epochs " +
                $"{string.Join(", ", details.Weights.Select(w => w.Epoch))}, so fine-tune it further or pick one.");
        }

        if (request.TestImages < 0)
        {
            throw HubException.InvalidArgument("test_images", $"must be 0 (all) or more, got {request.TestImages}.");
        }

        var parameters = new EnsembleEvaluationRequest(request.PopulationId, request.Dataset, [.. request.Sizes],
            request.Epoch, TestImages: request.TestImages);
        var status = await grainFactory.StartOperationAsync(new OperationRequest(EnsembleEvaluationRequest.Kind,
            request.PopulationId, JsonSerializer.Serialize(parameters)), OperationPlacement.PreferAccelerator);
        await population.AddOperationAsync(status.Id);
        return new EvaluateEnsembleResponse { OperationId = status.Id };
    }
}
