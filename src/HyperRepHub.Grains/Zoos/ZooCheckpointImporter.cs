using System.Security.Cryptography;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Grains.Zoos.Internal;
using HyperRepHub.Storage;
using Microsoft.Extensions.Logging;

namespace HyperRepHub.Grains.Zoos;

/// <summary>
/// Stores uploaded checkpoints: checks the file against the zoo's architecture, rewrites it as canonical
/// safetensors, uploads that blob completely and only then records it in the <see cref="IZooGrain"/>.
/// </summary>
public sealed partial class ZooCheckpointImporter(
    ICheckpointStore store, IGrainFactory grainFactory, ILogger<ZooCheckpointImporter> logger)
{
    /// <summary>Imports the checkpoint file at <paramref name="path"/>; the caller owns and deletes the file.</summary>
    /// <exception cref="HubException">InvalidArgument, NotFound or AlreadyExists, with the reason.</exception>
    public async Task<ZooUploadResult> ImportAsync(ZooUpload upload, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ResourceIds.Validate("model_id", upload.ModelId);
        if (upload.Epoch < 0)
        {
            throw HubException.InvalidArgument("epoch", $"must be 0 or more, got {upload.Epoch}.");
        }

        if (upload.TestAccuracy > 1 || double.IsNaN(upload.TestAccuracy))
        {
            throw HubException.InvalidArgument("test_accuracy",
                $"must be a fraction in [0, 1], or negative when unknown; got {upload.TestAccuracy}.");
        }

        var zoo = grainFactory.GetGrain<IZooGrain>(upload.ZooId);
        var spec = ArchitectureSpec.FromJson((await zoo.GetAsync()).Definition.ArchitectureJson);
        byte[] canonical = await Task.Run(() => CheckpointCanonicalizer.ToCanonicalSafetensorsAsync(
            path, upload.Format, spec, cancellationToken), cancellationToken);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(canonical));
        if (await FindExistingAsync(zoo, upload) is { } existing)
        {
            return existing.Sha256 == sha256
                ? new ZooUploadResult(existing, Created: false)
                : throw new HubException(HubErrorKind.AlreadyExists,
                    $"Zoo '{upload.ZooId}' already holds different weights for model '{upload.ModelId}' at epoch " +
                    $"{upload.Epoch}; upload under a new model id or epoch.");
        }

        // NOTE: two concurrent uploads of different weights for one model and epoch can both pass the check above;
        // the later blob write wins while the grain keeps the first record, so their hashes can disagree.
        string blobName = BlobNames.ZooCheckpoint(upload.ZooId, upload.ModelId, upload.Epoch);
        var blob = await store.UploadAsync(CheckpointContainers.Zoos, blobName, new MemoryStream(canonical),
            cancellationToken);
        var checkpoint = new ZooCheckpoint(upload.ModelId, upload.Epoch, upload.Seed, upload.TestAccuracy,
            blobName, blob.Size, blob.Sha256);
        bool created = await zoo.AddCheckpointAsync(checkpoint);
        Log.CheckpointStored(logger, upload.ZooId, upload.ModelId, upload.Epoch, blob.Size);
        return new ZooUploadResult(checkpoint, created);
    }

    private static async Task<ZooCheckpoint?> FindExistingAsync(IZooGrain zoo, ZooUpload upload)
    {
        try
        {
            return await zoo.GetCheckpointAsync(upload.ModelId, upload.Epoch);
        }
        catch (HubException ex) when (ex.Kind == HubErrorKind.NotFound)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "Stored checkpoint of zoo {ZooId}, model {ModelId}, epoch {Epoch}: {SizeBytes} bytes")]
        public static partial void CheckpointStored(ILogger logger, string zooId, string modelId, int epoch,
            long sizeBytes);
    }
}
