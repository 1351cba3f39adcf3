namespace HyperRepHub.Grains.Zoos;

/// <summary>A zoo's metadata and the list of its stored checkpoints.</summary>
/// <param name="ZooId">The zoo id.</param>
/// <param name="Definition">What the zoo was created with.</param>
/// <param name="Checkpoints">Stored checkpoints ordered by model id, then epoch.</param>
/// <param name="CreatedAt">When the zoo was created.</param>
/// <param name="TrainingOperationId">The operation training this zoo, or null for uploaded zoos.</param>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.Zoos.ZooDetails")]
public sealed record ZooDetails(
    [property: Id(0)] string ZooId,
    [property: Id(1)] ZooDefinition Definition,
    [property: Id(2)] IReadOnlyList<ZooCheckpoint> Checkpoints,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string? TrainingOperationId);
