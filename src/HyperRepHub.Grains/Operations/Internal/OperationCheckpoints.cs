using System.Globalization;
using HyperRepHub.Storage;
using Microsoft.Extensions.Logging;

namespace HyperRepHub.Grains.Operations.Internal;

/// <summary>
/// Checkpoints of one operation, named <c>{operation id}/checkpoint-{sequence:D8}</c> so that the name order is
/// the save order. Only complete blobs are listed by the store, so the newest listed one is always whole.
/// </summary>
internal sealed partial class OperationCheckpoints(
    ICheckpointStore store, string operationId, int checkpointsKept, ILogger logger)
{
    private const string Container = OperationContext.CheckpointContainer;
    private const string NamePart = "/checkpoint-";

    private long _lastSequence = -1;

    public async Task SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        var existing = await ListAsync(cancellationToken);
        var sequence = Math.Max(_lastSequence, existing.Count == 0 ? -1 : existing[^1].Sequence) + 1;
        var name = operationId + NamePart + sequence.ToString("D8", CultureInfo.InvariantCulture);
        var record = await store.UploadAsync(Container, name, content, cancellationToken);
        _lastSequence = sequence;
        Log.CheckpointSaved(logger, operationId, name, record.Size);

        foreach (var old in existing.SkipLast(Math.Max(0, checkpointsKept - 1)))
        {
            await store.DeleteAsync(Container, old.Name, cancellationToken);
        }
    }

    public async Task<Stream?> TryOpenLastAsync(CancellationToken cancellationToken)
    {
        var existing = await ListAsync(cancellationToken);
        if (existing.Count == 0)
        {
            return null;
        }

        Log.CheckpointOpened(logger, operationId, existing[^1].Name);
        return await store.OpenReadAsync(Container, existing[^1].Name, cancellationToken);
    }

    private async Task<List<(string Name, long Sequence)>> ListAsync(CancellationToken cancellationToken)
    {
        var found = new List<(string Name, long Sequence)>();
        await foreach (var blob in store.ListAsync(Container, operationId + NamePart, cancellationToken))
        {
            var suffix = blob.Name[(operationId.Length + NamePart.Length)..];
            if (long.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                found.Add((blob.Name, sequence));
            }
        }

        found.Sort((left, right) => left.Sequence.CompareTo(right.Sequence));
        return found;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Operation {OperationId} saved checkpoint {BlobName} ({Size} bytes)")]
        public static partial void CheckpointSaved(ILogger logger, string operationId, string blobName, long size);

        [LoggerMessage(2, LogLevel.Information, "Operation {OperationId} resumes from checkpoint {BlobName}")]
        public static partial void CheckpointOpened(ILogger logger, string operationId, string blobName);
    }
}
