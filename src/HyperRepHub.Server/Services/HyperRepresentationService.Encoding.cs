using Grpc.Core;
using HyperRepHub.Api.V1;
using HyperRepHub.Core.Sampling;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Grains.HyperRepresentations;
using HyperRepHub.Grains.Zoos;
using static TorchSharp.torch;

namespace HyperRepHub.Server.Services;

public sealed partial class HyperRepresentationService
{
    /// <inheritdoc/>
    public override async Task<EncodeModelsResponse> EncodeModels(EncodeModelsRequest request,
        ServerCallContext context)
    {
        var services = context.GetHttpContext().RequestServices;
        var details = await grainFactory.GetGrain<IHyperRepresentationGrain>(request.HyperRepresentationId)
            .GetTrainedAsync();
        string zooId = request.ZooId.Length > 0 ? request.ZooId : details.ZooId;
        var model = await services.GetRequiredService<HyperRepresentationCache>()
            .GetAsync(details.ModelBlobPrefix!, context.CancellationToken);
        var zoo = await services.GetRequiredService<ZooWeightLoader>()
            .LoadAsync(zooId, [request.Epoch], context.CancellationToken);
        var wanted = request.ModelIds.ToHashSet(StringComparer.Ordinal);
        var rows = zoo.Splits.Values.SelectMany(split => split.Weights.Select((weights, i) =>
                (Weights: weights, ModelId: split.ModelIds[i], Epoch: split.Epochs[i], Accuracy: split.Accuracies[i])))
            .Where(row => wanted.Count == 0 || wanted.Contains(row.ModelId))
            .ToList();
        if (rows.Count == 0)
        {
            throw new HubException(HubErrorKind.NotFound,
                $"Zoo '{zooId}' has no checkpoints at epoch {request.Epoch} for the requested models.");
        }

        var set = new ZooWeightRows([.. rows.Select(r => r.Weights)], [.. rows.Select(r => r.ModelId)],
            [.. rows.Select(r => r.Epoch)], [.. rows.Select(r => r.Accuracy)]);
        var embeddings = await Task.Run(() => Encode(model, set), context.CancellationToken);
        var response = new EncodeModelsResponse();
        response.Embeddings.AddRange(rows.Select((row, i) => new Embedding
        {
            ModelId = row.ModelId, Epoch = row.Epoch, Values = { embeddings[i] },
        }));
        return response;
    }

    private static float[][] Encode(Core.HyperRepresentations.HyperRepresentation model, ZooWeightRows rows)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var weights = rows.ToWeightSet(model.Architecture.ParameterCount);
        try
        {
            var anchors = new WeightGenerator(model).EncodeZoo(model.Architecture, weights.Weights, weights.ModelIds,
                weights.Epochs, weights.Accuracies);
            var embeddings = anchors.Embeddings.contiguous(); // [N, D]
            int dimension = (int)embeddings.shape[1];
            var flat = embeddings.data<float>().ToArray();
            return [.. Enumerable.Range(0, rows.Count).Select(i => flat.AsSpan(i * dimension, dimension).ToArray())];
        }
        catch (SamplingException ex)
        {
            throw HubException.InvalidArgument("zoo_id", ex.Message);
        }
    }
}
