namespace HyperRepHub.Grains.Populations;

/// <summary>Persistent state of a <see cref="PopulationGrain"/>: metadata only, never weights.</summary>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.Populations.PopulationState")]
public sealed class PopulationState
{
    [Id(0)] public PopulationDefinition? Definition { get; set; }

    [Id(1)] public string ZooId { get; set; } = "";

    [Id(2)] public List<PopulationWeights> Weights { get; set; } = [];

    [Id(3)] public List<AccuracySummary> Accuracy { get; set; } = [];

    [Id(4)] public double NoveltyMean { get; set; }

    [Id(5)] public double NoveltyMin { get; set; }

    [Id(6)] public List<EnsemblePoint> Ensemble { get; set; } = [];

    [Id(7)] public List<string> OperationIds { get; set; } = [];

    [Id(8)] public DateTimeOffset CreatedAt { get; set; }
}
