using Grpc.Core;
using HyperRepHub.Api.V1;

namespace HyperRepHub.Cli.Client;

public sealed partial class HubClient
{
    /// <summary>Samples and decodes a population; the call returns once the weights are stored.</summary>
    public Task<PopulationInfo> GeneratePopulationAsync(
        PopulationGeneration generation, CancellationToken cancellationToken = default)
    {
        var method = ProtoMapping.ToSamplingMethod(generation.Method);
        return CallAsync($"Generating {generation.Count} models with '{generation.Method}'", async () =>
            ProtoMapping.ToInfo(await _populations.GeneratePopulationAsync(
                new GeneratePopulationRequest
                {
                    HyperRepresentationId = generation.HyperRepresentationId,
                    Method = method,
                    Count = generation.Count,
                    TopFraction = generation.TopFraction,
                    Seed = generation.Seed,
                    Bandwidth = generation.Bandwidth,
                    ConditionZooId = generation.ConditionZooId,
                    Evaluate = generation.Evaluate,
                    EvaluateTestImages = generation.EvaluateTestImages,
                },
                cancellationToken: cancellationToken)));
    }

    /// <summary>Returns the population, or null when the hub has none with that id.</summary>
    public Task<PopulationInfo?> FindPopulationAsync(string id, CancellationToken cancellationToken = default) =>
        FindAsync($"Reading population '{id}'", async () => ProtoMapping.ToInfo(
            await _populations.GetPopulationAsync(
                new GetPopulationRequest { PopulationId = id }, cancellationToken: cancellationToken)));

    /// <summary>Returns accuracy per epoch, novelty and the ensemble curve of a population.</summary>
    public Task<PopulationStatisticsInfo> GetStatisticsAsync(
        string id, CancellationToken cancellationToken = default) =>
        CallAsync($"Reading statistics of population '{id}'", async () => ProtoMapping.ToInfo(
            await _populations.GetPopulationStatisticsAsync(
                new GetPopulationStatisticsRequest { PopulationId = id }, cancellationToken: cancellationToken)));

    /// <summary>Starts fine-tuning a population and returns the operation id.</summary>
    public Task<string> FineTuneAsync(FineTuning fineTuning, CancellationToken cancellationToken = default) =>
        CallAsync($"Fine-tuning population '{fineTuning.PopulationId}' on '{fineTuning.Dataset}'", async () =>
            (await _populations.FineTunePopulationAsync(
                new FineTunePopulationRequest
                {
                    PopulationId = fineTuning.PopulationId,
                    Dataset = fineTuning.Dataset,
                    Epochs = fineTuning.Epochs,
                    LearningRate = fineTuning.LearningRate,
                    BatchSize = fineTuning.BatchSize,
                    Seed = fineTuning.Seed,
                    TrainImages = fineTuning.TrainImages,
                    TestImages = fineTuning.TestImages,
                },
                cancellationToken: cancellationToken)).OperationId);

    /// <summary>Starts evaluating ensembles of the given sizes and returns the operation id.</summary>
    public Task<string> EvaluateEnsembleAsync(
        string populationId, string dataset, IReadOnlyList<int> sizes, int epoch,
        CancellationToken cancellationToken = default) =>
        CallAsync($"Evaluating ensembles of population '{populationId}'", async () =>
        {
            var request = new EvaluateEnsembleRequest { PopulationId = populationId, Dataset = dataset, Epoch = epoch };
            request.Sizes.AddRange(sizes);
            return (await _populations.EvaluateEnsembleAsync(request, cancellationToken: cancellationToken))
                .OperationId;
        });

    /// <summary>
    /// Streams a population's weights into <paramref name="directory"/>, one safetensors file per model, and returns
    /// the files written. Server file names are reduced to their last path segment.
    /// </summary>
    public Task<IReadOnlyList<DownloadedModel>> DownloadWeightsAsync(
        string populationId, int epoch, string directory, CancellationToken cancellationToken = default) =>
        CallAsync($"Downloading population '{populationId}'", async () =>
        {
            Directory.CreateDirectory(directory);
            using var call = _populations.DownloadWeights(
                new DownloadWeightsRequest { PopulationId = populationId, Epoch = epoch },
                cancellationToken: cancellationToken);
            var models = new List<DownloadedModel>();
            FileStream? file = null;
            try
            {
                await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    if (message.ContentCase == DownloadWeightsResponse.ContentOneofCase.Header)
                    {
                        file?.Dispose();
                        var name = SafeFileName(message.Header.FileName, message.Header.Index);
                        file = File.Create(Path.Combine(directory, name));
                        models.Add(new DownloadedModel(message.Header.Index, name, message.Header.SizeBytes));
                    }
                    else if (file is null)
                    {
                        throw new HubClientException(
                            $"Downloading population '{populationId}' failed: "
                            + "the hub sent bytes before a file header.");
                    }
                    else
                    {
                        message.Chunk.WriteTo(file);
                    }
                }
            }
            finally
            {
                file?.Dispose();
            }

            return (IReadOnlyList<DownloadedModel>)models;
        });

    private static string SafeFileName(string name, int index)
    {
        var leaf = Path.GetFileName(name.Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(leaf) || leaf is "." or ".." ? $"model-{index:D4}.safetensors" : leaf;
    }
}
