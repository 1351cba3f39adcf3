using HyperRepHub.Core.Datasets;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Grains.HyperRepresentations;
using HyperRepHub.Grains.Zoos;
using Microsoft.Extensions.Logging;

namespace HyperRepHub.Grains.Populations;

/// <summary>Generates a population once, then keeps its lineage, weight blobs and evaluation history.</summary>
public sealed partial class PopulationGrain(
    [PersistentState("population")] IPersistentState<PopulationState> state,
    IPopulationGenerator generator,
    ILogger<PopulationGrain> logger) : Grain, IPopulationGrain
{
    private string Id => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public async Task<PopulationDetails> GenerateAsync(PopulationDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ResourceIds.Validate("population_id", Id);
        if (state.State.Definition is not null)
        {
            throw new HubException(HubErrorKind.AlreadyExists, $"Population '{Id}' already exists.");
        }

        if (definition.FindError() is { } error)
        {
            throw new HubException(HubErrorKind.InvalidArgument, $"Invalid {error}");
        }

        var hyperRepresentation = await GrainFactory
            .GetGrain<IHyperRepresentationGrain>(definition.HyperRepresentationId).GetTrainedAsync();
        if (definition.ConditionZooId is { Length: > 0 } conditionZooId)
        {
            _ = await GrainFactory.GetGrain<IZooGrain>(conditionZooId).GetAsync();
        }

        string? evaluationDataset = definition.Evaluate
            ? await FindEvaluationDatasetAsync(hyperRepresentation.ZooId)
            : null;
        Log.Generating(logger, Id, definition.HyperRepresentationId, definition.Method, definition.Count);
        var generated = await generator.GenerateAsync(Id, definition, hyperRepresentation, evaluationDataset,
            CancellationToken.None);

        // The weights blob is complete at this point, so the state never points at a partial blob.
        state.State.Definition = definition;
        state.State.ZooId = generated.ZooId;
        state.State.Weights = [generated.Weights];
        state.State.NoveltyMean = generated.NoveltyMean;
        state.State.NoveltyMin = generated.NoveltyMin;
        state.State.Accuracy = generated.Accuracy is { } accuracy ? [accuracy] : [];
        state.State.CreatedAt = DateTimeOffset.UtcNow;
        await state.WriteStateAsync();
        return ToDetails();
    }

    /// <inheritdoc/>
    public Task<PopulationDetails> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(ToDetails());
    }

    /// <inheritdoc/>
    public async Task AddWeightsAsync(PopulationWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        EnsureExists();
        state.State.Weights.RemoveAll(w => w.Epoch == weights.Epoch);
        state.State.Weights.Add(weights);
        state.State.Weights.Sort((a, b) => a.Epoch.CompareTo(b.Epoch));
        await state.WriteStateAsync();
    }

    /// <inheritdoc/>
    public async Task RecordAccuracyAsync(AccuracySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        EnsureExists();
        state.State.Accuracy.RemoveAll(a => a.Epoch == summary.Epoch && a.Dataset == summary.Dataset);
        state.State.Accuracy.Add(summary);
        state.State.Accuracy.Sort((a, b) => (a.Dataset, a.Epoch).CompareTo((b.Dataset, b.Epoch)));
        await state.WriteStateAsync();
    }

    /// <inheritdoc/>
    public async Task RecordEnsembleAsync(IReadOnlyList<EnsemblePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        EnsureExists();
        state.State.Ensemble = [.. points.OrderBy(p => p.Size)];
        await state.WriteStateAsync();
    }

    /// <inheritdoc/>
    public async Task AddOperationAsync(string operationId)
    {
        EnsureExists();
        if (!state.State.OperationIds.Contains(operationId))
        {
            state.State.OperationIds.Add(operationId);
            await state.WriteStateAsync();
        }
    }

    private async Task<string> FindEvaluationDatasetAsync(string zooId)
    {
        var zoo = await GrainFactory.GetGrain<IZooGrain>(zooId).GetAsync();
        string dataset = zoo.Definition.Dataset;
        return DatasetCatalog.Names.Contains(dataset)
            ? dataset
            : throw new HubException(HubErrorKind.FailedPrecondition,
                $"Cannot evaluate the population: zoo '{zooId}' was trained on '{dataset}', which the hub cannot " +
                $"load (it loads {string.Join(", ", DatasetCatalog.Names)}); generate with evaluate off.");
    }

    private void EnsureExists()
    {
        if (state.State.Definition is null)
        {
            throw HubException.NotFound("Population", Id);
        }
    }

    private PopulationDetails ToDetails() => new(Id, state.State.Definition!, state.State.ZooId,
        state.State.Weights, state.State.Accuracy, state.State.NoveltyMean, state.State.NoveltyMin,
        state.State.Ensemble, state.State.OperationIds, state.State.CreatedAt);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "Generating population {PopulationId} from {HyperRepresentationId} with {Method}, {Count} models")]
        public static partial void Generating(ILogger logger, string populationId, string hyperRepresentationId,
            SamplingMethod method, int count);
    }
}
