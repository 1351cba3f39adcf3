using HyperRepHub.Grains.HyperRepresentations;

namespace HyperRepHub.Grains.Populations;

/// <summary>
/// Samples embeddings from a trained hyper-representation, decodes them to weights and stores the weights blob.
/// The tensor work runs in the ML core on a worker thread, never on the grain scheduler.
/// </summary>
public interface IPopulationGenerator
{
    /// <summary>
    /// Generates the population and returns the complete weights blob and the samples' novelty. When
    /// <paramref name="evaluationDataset"/> is set, it also returns the models' accuracy on that dataset's test split.
    /// </summary>
    Task<GeneratedPopulation> GenerateAsync(string populationId, PopulationDefinition definition,
        HyperRepresentationDetails hyperRepresentation, string? evaluationDataset, CancellationToken cancellationToken);
}
