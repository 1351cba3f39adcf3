namespace HyperRepHub.Grains.Populations;

/// <summary>What generation produced: the complete weights blob and how novel the samples are.</summary>
/// <param name="ZooId">The zoo the sampled hyper-representation was trained on.</param>
/// <param name="Weights">The epoch-0 weights blob, already complete.</param>
/// <param name="NoveltyMean">Mean distance from each generated embedding to its nearest anchor.</param>
/// <param name="NoveltyMin">Smallest such distance.</param>
/// <param name="Accuracy">Test accuracy of the generated models, or null when they were not evaluated.</param>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.Populations.GeneratedPopulation")]
public sealed record GeneratedPopulation(
    [property: Id(0)] string ZooId,
    [property: Id(1)] PopulationWeights Weights,
    [property: Id(2)] double NoveltyMean,
    [property: Id(3)] double NoveltyMin,
    [property: Id(4)] AccuracySummary? Accuracy = null);
