namespace HyperRepHub.Grains.HyperRepresentations;

/// <summary>
/// One hyper-representation, keyed by id: the zoo it was trained on, its options, training status, quality
/// report and the blob of the trained model.
/// </summary>
public interface IHyperRepresentationGrain : IGrainWithStringKey
{
    /// <summary>Registers a training run on a zoo, driven by an operation.</summary>
    /// <exception cref="Errors.HubException">
    /// AlreadyExists for a taken id, InvalidArgument for bad config, NotFound for an unknown zoo, and
    /// FailedPrecondition when the zoo lacks checkpoints at the chosen epochs or a split is empty or too small.
    /// </exception>
    Task<HyperRepresentationDetails> BeginTrainingAsync(string zooId, HyperRepresentationSettings settings,
        string operationId);

    /// <summary>Marks training as succeeded and points at the saved model, whose blobs are already complete.</summary>
    Task CompleteTrainingAsync(HyperRepresentationTrainingResult result);

    /// <summary>Marks training as failed with the reason.</summary>
    Task FailTrainingAsync(string error);

    /// <summary>Returns the hyper-representation, or throws NotFound.</summary>
    Task<HyperRepresentationDetails> GetAsync();

    /// <summary>Returns it when trained; throws NotFound or FailedPrecondition otherwise.</summary>
    Task<HyperRepresentationDetails> GetTrainedAsync();

    /// <summary>Deletes the record and its blobs; returns false when it did not exist.</summary>
    Task<bool> DeleteAsync();
}
