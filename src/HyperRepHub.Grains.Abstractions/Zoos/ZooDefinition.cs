namespace HyperRepHub.Grains.Zoos;

/// <summary>What a client states when it creates a zoo.</summary>
/// <param name="ArchitectureJson">The architecture spec as JSON; every checkpoint must match it.</param>
/// <param name="Dataset">Dataset the models were trained on, for example <c>mnist</c>.</param>
/// <param name="Description">Free text for people.</param>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.Zoos.ZooDefinition")]
public sealed record ZooDefinition(
    [property: Id(0)] string ArchitectureJson,
    [property: Id(1)] string Dataset,
    [property: Id(2)] string Description);
