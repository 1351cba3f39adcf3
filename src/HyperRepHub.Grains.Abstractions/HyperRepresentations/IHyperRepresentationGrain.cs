namespace HyperRepHub.Grains.HyperRepresentations;

/// <summary>
/// One hyper-representation, keyed by id: the zoo it was trained on, its options, training status, quality
/// report and the blob of the trained model.
/// </summary>
public interface IHyperRepresentationGrain : IGrainWithStringKey
{
    /// <summary>Registers a training run on a zoo, driven by an operation.</summary>
    /// <exception cref="Errors.HubException">AlreadyExists when the id is taken; InvalidArgument for bad settings.</exception>
    Task<HyperRepresentationDetails> BeginTrainingAsync(string zooId, HyperRepresentationSettings settings,
        string operationId);

    /// <summary>Marks training as succeeded and points at the trained model, whose blob is already complete.</summary>
    Task CompleteTrainingAsync(HyperRepresentationTrainingResult result);

    /// <summary>Marks training as failed with the reason.</summary>
    Task FailTrainingAsync(string error);

    /// <summary>Returns the hyper-representation, or throws NotFound.</summary>
    Task<HyperRepresentationDetails> GetAsync();

    /// <summary>Returns the hyper-representation when it is trained, or throws NotFound or FailedPrecondition.</summary>
    Task<HyperRepresentationDetails> GetTrainedAsync();

    /// <summary>Deletes the record and its blobs; returns false when it did not exist.</summary>
    Task<bool> DeleteAsync();
}
