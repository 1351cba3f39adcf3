using HyperRepHub.Core.Architectures;
using HyperRepHub.Grains.Errors;

namespace HyperRepHub.Grains.Zoos;

/// <summary>Keeps a zoo's definition and the metadata of its checkpoints in grain state.</summary>
public sealed class ZooGrain([PersistentState("zoo")] IPersistentState<ZooState> state) : Grain, IZooGrain
{
    private string ZooId => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public async Task<ZooDetails> CreateAsync(ZooDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ResourceIds.Validate("zoo_id", ZooId);
        if (state.State.Definition is not null)
        {
            throw new HubException(HubErrorKind.AlreadyExists, $"Zoo '{ZooId}' already exists.");
        }

        try
        {
            _ = ArchitectureSpec.FromJson(definition.ArchitectureJson);
        }
        catch (ArchitectureException ex)
        {
            throw HubException.InvalidArgument("architecture_json", ex.Message);
        }

        state.State.Definition = definition;
        state.State.CreatedAt = DateTimeOffset.UtcNow;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IZooIndexGrain>(IZooIndexGrain.Key).AddAsync(ZooId);
        return ToDetails();
    }

    /// <inheritdoc/>
    public Task<ZooDetails> GetAsync() => Task.FromResult(ToDetails());

    /// <inheritdoc/>
    public async Task<bool> AddCheckpointAsync(ZooCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        EnsureExists();
        string key = ZooState.KeyOf(checkpoint.ModelId, checkpoint.Epoch);
        if (state.State.Checkpoints.TryGetValue(key, out var existing))
        {
            return existing.Sha256 == checkpoint.Sha256
                ? false
                : throw new HubException(HubErrorKind.AlreadyExists,
                    $"Zoo '{ZooId}' already holds different weights for model '{checkpoint.ModelId}' at epoch " +
                    $"{checkpoint.Epoch}; upload under a new model id or epoch.");
        }

        state.State.Checkpoints[key] = checkpoint;
        await state.WriteStateAsync();
        return true;
    }

    /// <inheritdoc/>
    public Task<ZooCheckpoint> GetCheckpointAsync(string modelId, int epoch)
    {
        EnsureExists();
        return state.State.Checkpoints.TryGetValue(ZooState.KeyOf(modelId, epoch), out var checkpoint)
            ? Task.FromResult(checkpoint)
            : throw HubException.NotFound("Checkpoint", $"{ZooId}/{modelId}/epoch-{epoch}");
    }

    /// <inheritdoc/>
    public async Task SetTrainingOperationAsync(string operationId)
    {
        EnsureExists();
        state.State.TrainingOperationId = operationId;
        await state.WriteStateAsync();
    }

    private void EnsureExists()
    {
        if (state.State.Definition is null)
        {
            throw HubException.NotFound("Zoo", ZooId);
        }
    }

    private ZooDetails ToDetails()
    {
        EnsureExists();
        var checkpoints = state.State.Checkpoints.Values
            .OrderBy(c => c.ModelId, StringComparer.Ordinal)
            .ThenBy(c => c.Epoch)
            .ToArray();
        return new ZooDetails(ZooId, state.State.Definition!, checkpoints, state.State.CreatedAt,
            state.State.TrainingOperationId);
    }
}
