using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Demo;

/// <summary>
/// The demo through gRPC only: train an MNIST zoo and a Fashion-MNIST zoo, train a hyper-representation with and
/// without layer-wise loss normalisation, generate populations, fine-tune them, evaluate ensembles and collect the
/// results. Zoos and hyper-representations that already exist under the settings' ids are reused.
/// </summary>
public sealed partial class DemoPipeline(HubClient client, DemoSettings settings, TextWriter log)
{
    /// <summary>Runs every step and returns the results; throws <see cref="HubClientException"/> on failure.</summary>
    public async Task<DemoResults> RunAsync(CancellationToken cancellationToken)
    {
        var zoo = await EnsureZooAsync(settings.ZooId, "mnist", settings.ZooModels, cancellationToken);
        await EnsureZooAsync(settings.UnseenZooId, "fashion-mnist", settings.UnseenZooModels, cancellationToken);
        var lwln = await EnsureHyperRepresentationAsync(settings.LwlnId, layerWise: true, cancellationToken);
        var mse = await EnsureHyperRepresentationAsync(settings.MseId, layerWise: false, cancellationToken);
        var rows = new List<DemoRow> { TrainedZooRow(zoo) };
        rows.AddRange(await GenerateAndFineTuneAsync(cancellationToken));
        var latent = await EncodeLatentAsync(cancellationToken);
        return new DemoResults(settings, DateTimeOffset.UtcNow, client.Options.Address.ToString(), rows, latent,
            lwln.Quality, mse.Quality);
    }

    private async Task<ZooInfo> EnsureZooAsync(string zooId, string dataset, int models, CancellationToken token)
    {
        var zoo = await client.FindZooAsync(zooId, token);
        var operationId = zoo?.TrainingOperationId ?? "";
        var training = operationId.Length == 0 ? null : await client.GetOperationAsync(operationId, token);
        if (zoo is { Models.Count: > 0 } && training is null or { Status: OperationStatus.Succeeded })
        {
            log.WriteLine($"zoo '{zooId}': reusing {zoo.Models.Count} models");
            return zoo;
        }

        if (zoo is null)
        {
            await client.CreateZooAsync(new ZooCreation(zooId, "cnn-s", "", dataset, "hyperrep demo zoo"), token);
        }

        if (training is null or { Status: OperationStatus.Failed or OperationStatus.Cancelled })
        {
            log.WriteLine($"zoo '{zooId}': training {models} models for {settings.ZooEpochs} epochs on {dataset}");
            operationId = await client.TrainZooAsync(
                new ZooTraining(zooId, dataset, models, settings.ZooEpochs, settings.Seed,
                    TrainImages: settings.TrainImages, TestImages: settings.TestImages), token);
        }
        else
        {
            log.WriteLine($"zoo '{zooId}': waiting for training operation {operationId}");
        }

        await WaitAsync(operationId, token);
        return await client.FindZooAsync(zooId, token)
            ?? throw new HubClientException($"Zoo '{zooId}' not found after its training succeeded.");
    }

    private async Task<HyperRepresentationInfo> EnsureHyperRepresentationAsync(
        string id, bool layerWise, CancellationToken token)
    {
        var existing = await client.FindHyperRepresentationAsync(id, token);
        if (existing is { Status: "trained" })
        {
            log.WriteLine($"hyper-representation '{id}': reusing the trained one");
            return existing;
        }

        if (existing is { Status: "failed" })
        {
            throw new HubClientException(
                $"Hyper-representation '{id}' failed earlier ({existing.Error}); run the demo with --fresh.");
        }

        var operationId = existing?.OperationId;
        if (existing is null)
        {
            log.WriteLine($"hyper-representation '{id}': training {(layerWise ? "with" : "without")} LWLN");
            var started = await client.TrainHyperRepresentationAsync(new HyperRepresentationTraining(
                settings.ZooId, id, settings.HyperRepEpochs, settings.Seed, !layerWise,
                LatentDimension: settings.LatentDimension, ModelWidth: settings.ModelWidth,
                BatchSize: settings.HyperRepBatchSize,
                EpochsToTrainOn: settings.EpochsToTrainOn), token);
            operationId = started.OperationId;
        }

        await WaitAsync(operationId!, token);
        return await client.FindHyperRepresentationAsync(id, token)
            ?? throw new HubClientException($"Hyper-representation '{id}' not found after its training succeeded.");
    }

    private Task<OperationInfo> WaitAsync(string operationId, CancellationToken token) =>
        Commands.WatchOperation.WaitAsync(client, operationId, log, token);
}
