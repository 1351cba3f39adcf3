namespace HyperRepHub.Grains.Zoos;

/// <summary>Metadata of one checkpoint file a client uploads.</summary>
/// <param name="ZooId">Target zoo.</param>
/// <param name="ModelId">Model id inside the zoo.</param>
/// <param name="Epoch">Training epoch of the checkpoint.</param>
/// <param name="Format">How the file is encoded.</param>
/// <param name="TestAccuracy">Test accuracy as a fraction in [0, 1], or negative when unknown.</param>
/// <param name="Seed">Seed the model was initialised with.</param>
public sealed record ZooUpload(
    string ZooId, string ModelId, int Epoch, CheckpointFileFormat Format, double TestAccuracy, long Seed);

/// <summary>The stored checkpoint and whether this upload created it.</summary>
/// <param name="Checkpoint">The recorded checkpoint.</param>
/// <param name="Created">False when identical weights were already stored.</param>
public sealed record ZooUploadResult(ZooCheckpoint Checkpoint, bool Created);
