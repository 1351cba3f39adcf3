namespace HyperRepHub.Grains.Populations;

/// <summary>A population's lineage, sampling parameters, weight blobs and evaluation history.</summary>
/// <param name="Id">The population id.</param>
/// <param name="Definition">How it was generated.</param>
/// <param name="ZooId">The zoo its hyper-representation was trained on.</param>
/// <param name="Weights">Weight blobs by epoch, epoch 0 first.</param>
/// <param name="Accuracy">Accuracy summaries by dataset and epoch.</param>
/// <param name="NoveltyMean">Mean distance from each generated embedding to its nearest anchor.</param>
/// <param name="NoveltyMin">Smallest such distance.</param>
/// <param name="Ensemble">Ensemble accuracy by ensemble size.</param>
/// <param name="OperationIds">Fine-tuning and evaluation operations started on it.</param>
/// <param name="CreatedAt">When it was generated.</param>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.Populations.PopulationDetails")]
public sealed record PopulationDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] PopulationDefinition Definition,
    [property: Id(2)] string ZooId,
    [property: Id(3)] IReadOnlyList<PopulationWeights> Weights,
    [property: Id(4)] IReadOnlyList<AccuracySummary> Accuracy,
    [property: Id(5)] double NoveltyMean,
    [property: Id(6)] double NoveltyMin,
    [property: Id(7)] IReadOnlyList<EnsemblePoint> Ensemble,
    [property: Id(8)] IReadOnlyList<string> OperationIds,
    [property: Id(9)] DateTimeOffset CreatedAt);
