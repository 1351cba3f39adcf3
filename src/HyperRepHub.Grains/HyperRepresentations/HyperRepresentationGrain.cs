using HyperRepHub.Grains.Errors;
using HyperRepHub.Grains.Zoos;
using HyperRepHub.Storage;
using Microsoft.Extensions.Logging;

namespace HyperRepHub.Grains.HyperRepresentations;

/// <summary>Keeps a hyper-representation's lineage, options, status and quality report in grain state.</summary>
public sealed partial class HyperRepresentationGrain(
    [PersistentState("hyperrep")] IPersistentState<HyperRepresentationState> state,
    ICheckpointStore checkpoints,
    ILogger<HyperRepresentationGrain> logger) : Grain, IHyperRepresentationGrain
{
    private string Id => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public async Task<HyperRepresentationDetails> BeginTrainingAsync(string zooId, HyperRepresentationSettings settings,
        string operationId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ResourceIds.Validate("hyper_representation_id", Id);
        if (state.State.Status != HyperRepresentationStatus.None)
        {
            throw new HubException(HubErrorKind.AlreadyExists, $"Hyper-representation '{Id}' already exists.");
        }

        HyperRepresentationConfigs.Validate(settings);

        // Throws NotFound naming the zoo when it does not exist. The zoo checks run before anything is stored,
        // so a rejected request leaves the id free.
        var zoo = await GrainFactory.GetGrain<IZooGrain>(zooId).GetAsync();
        ZooCheckpointSplits.EnsureTrainable(zoo, settings.ZooEpochs, settings.BatchSize);
        state.State.ZooId = zooId;
        state.State.Settings = settings;
        state.State.OperationId = operationId;
        state.State.Status = HyperRepresentationStatus.Training;
        state.State.CreatedAt = DateTimeOffset.UtcNow;
        await state.WriteStateAsync();
        Log.TrainingRegistered(logger, Id, zooId, operationId);
        return ToDetails();
    }

    /// <inheritdoc/>
    public async Task CompleteTrainingAsync(HyperRepresentationTrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        EnsureExists();
        state.State.ModelBlobPrefix = result.ModelBlobPrefix;
        state.State.Quality = new Dictionary<string, double>(result.Quality, StringComparer.Ordinal);
        state.State.LayerStd = [.. result.LayerStd];
        state.State.Status = HyperRepresentationStatus.Trained;
        state.State.Error = null;
        await state.WriteStateAsync();
    }

    /// <inheritdoc/>
    public async Task FailTrainingAsync(string error)
    {
        EnsureExists();
        state.State.Status = HyperRepresentationStatus.Failed;
        state.State.Error = error;
        await state.WriteStateAsync();
    }

    /// <inheritdoc/>
    public Task<HyperRepresentationDetails> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(ToDetails());
    }

    /// <inheritdoc/>
    public Task<HyperRepresentationDetails> GetTrainedAsync()
    {
        EnsureExists();
        return state.State.Status == HyperRepresentationStatus.Trained
            ? Task.FromResult(ToDetails())
            : throw new HubException(HubErrorKind.FailedPrecondition,
                $"Hyper-representation '{Id}' is {state.State.Status}, not Trained; wait for operation " +
                $"'{state.State.OperationId}' to succeed, or train a new one.");
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync()
    {
        if (state.State.Status == HyperRepresentationStatus.None)
        {
            return false;
        }

        if (state.State.Status == HyperRepresentationStatus.Training)
        {
            throw new HubException(HubErrorKind.FailedPrecondition,
                $"Hyper-representation '{Id}' is still training; cancel operation '{state.State.OperationId}' first.");
        }

        // Clear the state first so nothing points at blobs that are about to disappear.
        await state.ClearStateAsync();
        await foreach (var blob in checkpoints.ListAsync(CheckpointContainers.HyperRepresentations,
            BlobNames.HyperRepresentationPrefix(Id)))
        {
            await checkpoints.DeleteAsync(blob.Container, blob.Name);
        }

        Log.Deleted(logger, Id);
        return true;
    }

    private void EnsureExists()
    {
        if (state.State.Status == HyperRepresentationStatus.None)
        {
            throw HubException.NotFound("Hyper-representation", Id);
        }
    }

    private HyperRepresentationDetails ToDetails() => new(Id, state.State.ZooId, state.State.Settings,
        state.State.Status, state.State.OperationId, state.State.Quality, state.State.LayerStd,
        state.State.ModelBlobPrefix, state.State.CreatedAt, state.State.Error);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "Hyper-representation {HyperRepresentationId} registered on zoo {ZooId}, operation {OperationId}")]
        public static partial void TrainingRegistered(ILogger logger, string hyperRepresentationId, string zooId,
            string operationId);

        [LoggerMessage(2, LogLevel.Information, "Hyper-representation {HyperRepresentationId} deleted with its blobs")]
        public static partial void Deleted(ILogger logger, string hyperRepresentationId);
    }
}
