namespace HyperRepHub.Grains.Populations;

/// <summary>A complete blob holding a population's weights at one epoch, all models stacked.</summary>
/// <param name="Epoch">0 for the generated weights, otherwise the fine-tuning epoch.</param>
/// <param name="BlobName">Blob name in the <c>populations</c> container.</param>
/// <param name="SizeBytes">Blob size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the blob.</param>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.Populations.PopulationWeights")]
public sealed record PopulationWeights(
    [property: Id(0)] int Epoch,
    [property: Id(1)] string BlobName,
    [property: Id(2)] long SizeBytes,
    [property: Id(3)] string Sha256);
