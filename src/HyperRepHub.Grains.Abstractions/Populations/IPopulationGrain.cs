namespace HyperRepHub.Grains.Populations;

/// <summary>
/// One generated population, keyed by id: the hyper-representation it came from, how it was sampled, its
/// weight blobs and its evaluation and fine-tuning history.
/// </summary>
public interface IPopulationGrain : IGrainWithStringKey
{
    /// <summary>Samples and decodes the population, stores its weights and then its record.</summary>
    /// <exception cref="Errors.HubException">
    /// InvalidArgument for a bad definition, NotFound for an unknown hyper-representation or conditioning zoo,
    /// FailedPrecondition when the hyper-representation is not trained, AlreadyExists when the id is taken.
    /// </exception>
    Task<PopulationDetails> GenerateAsync(PopulationDefinition definition);

    /// <summary>Returns the population, or throws NotFound.</summary>
    Task<PopulationDetails> GetAsync();

    /// <summary>Records the weights after a fine-tuning epoch; the blob is already complete.</summary>
    Task AddWeightsAsync(PopulationWeights weights);

    /// <summary>Records an accuracy summary, replacing one for the same dataset and epoch.</summary>
    Task RecordAccuracyAsync(AccuracySummary summary);

    /// <summary>Records the ensemble curve, replacing the previous one.</summary>
    Task RecordEnsembleAsync(IReadOnlyList<EnsemblePoint> points);

    /// <summary>Links an operation that fine-tunes or evaluates this population.</summary>
    Task AddOperationAsync(string operationId);
}
