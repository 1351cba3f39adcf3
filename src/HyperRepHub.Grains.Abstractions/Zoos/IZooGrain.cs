namespace HyperRepHub.Grains.Zoos;

/// <summary>
/// One model zoo, keyed by zoo id: the architecture, the dataset and the metadata of every stored checkpoint.
/// Weights live in blobs; a checkpoint is added only after its blob is complete.
/// </summary>
public interface IZooGrain : IGrainWithStringKey
{
    /// <summary>Creates the zoo.</summary>
    /// <exception cref="Errors.HubException">AlreadyExists when the zoo exists.</exception>
    Task<ZooDetails> CreateAsync(ZooDefinition definition);

    /// <summary>Returns the zoo.</summary>
    /// <exception cref="Errors.HubException">NotFound when the zoo does not exist.</exception>
    Task<ZooDetails> GetAsync();

    /// <summary>
    /// Records a checkpoint whose blob is already stored. Returns false when the same content was recorded
    /// before. Throws AlreadyExists when that model and epoch hold different content.
    /// </summary>
    Task<bool> AddCheckpointAsync(ZooCheckpoint checkpoint);

    /// <summary>Returns one checkpoint, or throws NotFound naming the model and epoch.</summary>
    Task<ZooCheckpoint> GetCheckpointAsync(string modelId, int epoch);

    /// <summary>Links the operation that trains this zoo.</summary>
    Task SetTrainingOperationAsync(string operationId);
}
