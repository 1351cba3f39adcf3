namespace HyperRepHub.Grains.Zoos;

/// <summary>One stored checkpoint of one zoo model: its metadata and the blob that holds its weights.</summary>
/// <param name="ModelId">Model id, unique inside the zoo.</param>
/// <param name="Epoch">Training epoch of the checkpoint; 0 is the untrained model.</param>
/// <param name="Seed">Seed the model was initialised with.</param>
/// <param name="TestAccuracy">Test accuracy as a fraction in [0, 1], or a negative value when unknown.</param>
/// <param name="BlobName">Blob name in the <c>zoos</c> container.</param>
/// <param name="SizeBytes">Blob size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the blob.</param>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.Zoos.ZooCheckpoint")]
public sealed record ZooCheckpoint(
    [property: Id(0)] string ModelId,
    [property: Id(1)] int Epoch,
    [property: Id(2)] long Seed,
    [property: Id(3)] double TestAccuracy,
    [property: Id(4)] string BlobName,
    [property: Id(5)] long SizeBytes,
    [property: Id(6)] string Sha256);
