using HyperRepHub.Api.V1;

namespace HyperRepHub.Cli.Client;

public sealed partial class HubClient
{
    /// <summary>Starts training a hyper-representation on a zoo; returns its id and the operation id.</summary>
    public Task<StartedTraining> TrainHyperRepresentationAsync(
        HyperRepresentationTraining training, CancellationToken cancellationToken = default) =>
        CallAsync($"Training a hyper-representation on zoo '{training.ZooId}'", async () =>
        {
            var response = await _hyperRepresentations.TrainHyperRepresentationAsync(
                new TrainHyperRepresentationRequest
                {
                    ZooId = training.ZooId,
                    HyperRepresentationId = training.HyperRepresentationId,
                    Config = ProtoMapping.ToConfig(training),
                },
                cancellationToken: cancellationToken);
            return new StartedTraining(response.HyperRepresentationId, response.OperationId);
        });

    /// <summary>Returns the hyper-representation, or null when the hub has none with that id.</summary>
    public Task<HyperRepresentationInfo?> FindHyperRepresentationAsync(
        string id, CancellationToken cancellationToken = default) =>
        FindAsync($"Reading hyper-representation '{id}'", async () => ProtoMapping.ToInfo(
            await _hyperRepresentations.GetHyperRepresentationAsync(
                new GetHyperRepresentationRequest { HyperRepresentationId = id },
                cancellationToken: cancellationToken)));

    /// <summary>Encodes a zoo's checkpoints at <paramref name="epoch"/> to embeddings, keyed by model id.</summary>
    public Task<IReadOnlyDictionary<string, float[]>> EncodeModelsAsync(
        string hyperRepresentationId, string zooId, int epoch, CancellationToken cancellationToken = default) =>
        CallAsync($"Encoding zoo '{zooId}' with '{hyperRepresentationId}'", async () =>
        {
            var response = await _hyperRepresentations.EncodeModelsAsync(
                new EncodeModelsRequest { HyperRepresentationId = hyperRepresentationId, ZooId = zooId, Epoch = epoch },
                cancellationToken: cancellationToken);
            return (IReadOnlyDictionary<string, float[]>)response.Embeddings.ToDictionary(
                embedding => embedding.ModelId, embedding => embedding.Values.ToArray());
        });
}
