using Google.Protobuf;
using HyperRepHub.Api.V1;

namespace HyperRepHub.Cli.Client;

public sealed partial class HubClient
{
    /// <summary>Creates an empty zoo for one architecture.</summary>
    public Task<ZooInfo> CreateZooAsync(ZooCreation creation, CancellationToken cancellationToken = default) =>
        CallAsync($"Creating zoo '{creation.ZooId}'", async () => ProtoMapping.ToInfo(await _zoos.CreateZooAsync(
            new CreateZooRequest
            {
                ZooId = creation.ZooId,
                Architecture = creation.Architecture,
                ArchitectureJson = creation.ArchitectureJson,
                Dataset = creation.Dataset,
                Description = creation.Description,
            },
            cancellationToken: cancellationToken)));

    /// <summary>Returns the zoo, or null when the hub has no zoo with that id.</summary>
    public Task<ZooInfo?> FindZooAsync(string zooId, CancellationToken cancellationToken = default) =>
        FindAsync($"Reading zoo '{zooId}'", async () => ProtoMapping.ToInfo(
            await _zoos.GetZooAsync(new GetZooRequest { ZooId = zooId }, cancellationToken: cancellationToken)));

    /// <summary>Lists every zoo on the hub.</summary>
    public Task<IReadOnlyList<ZooInfo>> ListZoosAsync(CancellationToken cancellationToken = default) =>
        CallAsync("Listing zoos", async () => (IReadOnlyList<ZooInfo>)(await _zoos.ListZoosAsync(
            new ListZoosRequest(), cancellationToken: cancellationToken)).Zoos.Select(ProtoMapping.ToInfo).ToList());

    /// <summary>Starts training a zoo on the hub and returns the operation id.</summary>
    public Task<string> TrainZooAsync(ZooTraining training, CancellationToken cancellationToken = default) =>
        CallAsync($"Training zoo '{training.ZooId}'", async () => (await _zoos.TrainZooAsync(
            new TrainZooRequest
            {
                ZooId = training.ZooId,
                Dataset = training.Dataset,
                ModelCount = training.ModelCount,
                Epochs = training.Epochs,
                Seed = training.Seed,
                LearningRate = training.LearningRate,
                BatchSize = training.BatchSize,
                TrainImages = training.TrainImages,
                TestImages = training.TestImages,
            },
            cancellationToken: cancellationToken)).OperationId);

    /// <summary>
    /// Uploads one checkpoint file by client streaming; returns false when the hub already stored identical bytes.
    /// </summary>
    public Task<bool> UploadModelAsync(
        ZooUploadItem item, string zooId, CancellationToken cancellationToken = default) =>
        CallAsync($"Uploading '{item.Path}' to zoo '{zooId}'", async () =>
        {
            using var call = _zoos.UploadModel(cancellationToken: cancellationToken);
            await using var file = File.OpenRead(item.Path);
            var metadata = new UploadModelMetadata
            {
                ZooId = zooId,
                ModelId = item.ModelId,
                Epoch = item.Epoch,
                Format = item.IsPyTorch ? CheckpointFormat.Pytorch : CheckpointFormat.Safetensors,
                TestAccuracy = item.TestAccuracy ?? -1,
                Seed = item.Seed,
                SizeBytes = file.Length,
            };
            await call.RequestStream.WriteAsync(new UploadModelRequest { Metadata = metadata }, cancellationToken);
            await WriteChunksAsync(file, chunk => call.RequestStream.WriteAsync(
                new UploadModelRequest { Chunk = chunk }, cancellationToken), cancellationToken);
            await call.RequestStream.CompleteAsync();
            return (await call.ResponseAsync).Created;
        });

    /// <summary>Imports a zip archive in the public zoo layout; returns the number of checkpoints imported.</summary>
    public Task<int> ImportZooAsync(string zooId, Stream zipArchive, CancellationToken cancellationToken = default) =>
        CallAsync($"Importing an archive into zoo '{zooId}'", async () =>
        {
            using var call = _zoos.ImportZoo(cancellationToken: cancellationToken);
            var metadata = new ImportZooMetadata { ZooId = zooId, Format = ImportZooMetadata.Types.ArchiveFormat.Zip };
            await call.RequestStream.WriteAsync(new ImportZooRequest { Metadata = metadata }, cancellationToken);
            await WriteChunksAsync(zipArchive, chunk => call.RequestStream.WriteAsync(
                new ImportZooRequest { Chunk = chunk }, cancellationToken), cancellationToken);
            await call.RequestStream.CompleteAsync();
            return (await call.ResponseAsync).CheckpointsImported;
        });

    private async Task WriteChunksAsync(
        Stream source, Func<ByteString, Task> write, CancellationToken cancellationToken)
    {
        var buffer = new byte[Options.ChunkBytes];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await write(ByteString.CopyFrom(buffer, 0, read));
        }
    }
}
