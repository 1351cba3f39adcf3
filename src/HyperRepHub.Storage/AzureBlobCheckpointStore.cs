using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using HyperRepHub.Storage.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Storage;

/// <summary>
/// An <see cref="ICheckpointStore"/> on Azure Blob Storage. Uploads stage blocks and commit them in one call, with
/// the SHA-256 and size as blob metadata, so a blob is either absent or complete. Blobs without that metadata were
/// not written by this store, and <see cref="GetAsync"/>, <see cref="ListAsync"/> and <see cref="OpenReadAsync"/>
/// ignore them. A download read to its end is checked against the recorded hash.
/// </summary>
public sealed class AzureBlobCheckpointStore(
    BlobServiceClient serviceClient,
    IOptions<StorageOptions> options,
    ILogger<AzureBlobCheckpointStore> logger) : ICheckpointStore
{
    internal const string Sha256MetadataKey = "sha256";
    internal const string SizeMetadataKey = "size";

    private readonly ConcurrentDictionary<string, bool> _createdContainers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    /// <exception cref="BlobTooLargeException">The content is larger than <see cref="StorageOptions.MaxUploadBytes"/>.</exception>
    public async Task<BlobRecord> UploadAsync(
        string container, string name, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(content);
        var settings = options.Value;
        try
        {
            RejectKnownOversize(container, name, content, settings.MaxUploadBytes);
            var containerClient = await GetOrCreateContainerAsync(container, cancellationToken);
            var blob = containerClient.GetBlockBlobClient(name);

            // A seekable stream is hashed first, so unchanged content stages no blocks at all.
            if (content.CanSeek && await FindUnchangedAsync(blob, content, cancellationToken) is { } unchanged)
            {
                return unchanged;
            }

            var staged = await BlockStager.StageAsync(
                blob, content, settings.BlockSizeBytes, settings.MaxUploadBytes, cancellationToken);
            return await CommitUnlessUnchangedAsync(blob, staged, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            StorageLog.UploadCancelled(logger, container, name);
            throw;
        }
        catch (BlobTooLargeException ex)
        {
            StorageLog.UploadTooLarge(logger, container, name, ex.Size, ex.Limit);
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Reading the stream from start to end checks the bytes against the recorded SHA-256 and size, and the read that
    /// reaches the end throws <see cref="InvalidDataException"/> on a mismatch. Seeking elsewhere turns the check off.
    /// </remarks>
    public async Task<Stream> OpenReadAsync(
        string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = GetBlob(container, name);
        var record = await TryGetRecordAsync(blob, cancellationToken) ?? throw new BlobNotFoundException(container, name);
        try
        {
            // allowModifications: false pins the ETag, so a concurrent overwrite fails the read instead of
            // mixing two versions in one stream.
            var stream = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
            return new HashVerifyingStream(stream, record);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new BlobNotFoundException(container, name);
        }
    }

    /// <inheritdoc />
    public Task<BlobRecord?> GetAsync(string container, string name, CancellationToken cancellationToken = default) =>
        TryGetRecordAsync(GetBlob(container, name), cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<BlobRecord> ListAsync(
        string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        var containerClient = serviceClient.GetBlobContainerClient(container);
        if (!await containerClient.ExistsAsync(cancellationToken))
        {
            yield break;
        }

        var pages = containerClient.GetBlobsAsync(
            new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = prefix }, cancellationToken);
        await foreach (var item in pages)
        {
            var record = ToRecord(container, item.Name, item.Metadata, item.Properties.ContentLength,
                item.Properties.LastModified);
            if (record is not null)
            {
                yield return record;
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = GetBlob(container, name);
        try
        {
            var response = await blob.DeleteIfExistsAsync(
                DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
            if (response.Value)
            {
                StorageLog.BlobDeleted(logger, container, name);
            }

            return response.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The container itself does not exist.
            return false;
        }
    }

    private async Task<BlobRecord?> FindUnchangedAsync(
        BlockBlobClient blob, Stream content, CancellationToken cancellationToken)
    {
        var existing = await TryGetRecordAsync(blob, cancellationToken);
        if (existing is null || existing.Size != content.Length - content.Position)
        {
            return null;
        }

        var (size, sha256) = await ContentHasher.HashAndRewindAsync(content, cancellationToken);
        if (existing.Sha256 != sha256 || existing.Size != size)
        {
            return null;
        }

        StorageLog.UploadUnchanged(logger, blob.BlobContainerName, blob.Name, sha256);
        return existing;
    }

    private async Task<BlobRecord> CommitUnlessUnchangedAsync(
        BlockBlobClient blob, StagedContent staged, CancellationToken cancellationToken)
    {
        var existing = await TryGetRecordAsync(blob, cancellationToken);
        if (existing is not null && existing.Sha256 == staged.Sha256 && existing.Size == staged.Size)
        {
            StorageLog.UploadUnchanged(logger, blob.BlobContainerName, blob.Name, staged.Sha256);
            return existing;
        }

        var commitOptions = new CommitBlockListOptions
        {
            Metadata = new Dictionary<string, string>
            {
                [Sha256MetadataKey] = staged.Sha256,
                [SizeMetadataKey] = staged.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
        };
        var response = await blob.CommitBlockListAsync(staged.BlockIds, commitOptions, cancellationToken);
        StorageLog.UploadCommitted(logger, blob.BlobContainerName, blob.Name, staged.Size, staged.Sha256);
        return new BlobRecord(blob.BlobContainerName, blob.Name, staged.Size, staged.Sha256, response.Value.LastModified);
    }

    private async Task<BlobRecord?> TryGetRecordAsync(BlobBaseClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            return ToRecord(blob.BlobContainerName, blob.Name, properties.Value.Metadata,
                properties.Value.ContentLength, properties.Value.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static BlobRecord? ToRecord(
        string container, string name, IDictionary<string, string>? metadata, long? size, DateTimeOffset? lastModified)
    {
        if (metadata is null || !metadata.TryGetValue(Sha256MetadataKey, out var sha256) || size is null)
        {
            return null;
        }

        return new BlobRecord(container, name, size.Value, sha256, lastModified ?? DateTimeOffset.MinValue);
    }

    private async Task<BlobContainerClient> GetOrCreateContainerAsync(string container, CancellationToken cancellationToken)
    {
        var containerClient = serviceClient.GetBlobContainerClient(container);
        if (_createdContainers.ContainsKey(container))
        {
            return containerClient;
        }

        var created = await containerClient.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        if (created is not null)
        {
            StorageLog.ContainerCreated(logger, container);
        }

        _createdContainers.TryAdd(container, true);
        return containerClient;
    }

    private BlockBlobClient GetBlob(string container, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return serviceClient.GetBlobContainerClient(container).GetBlockBlobClient(name);
    }

    private static void RejectKnownOversize(string container, string name, Stream content, long? maxBytes)
    {
        if (maxBytes is long limit && content.CanSeek && content.Length - content.Position > limit)
        {
            throw new BlobTooLargeException(container, name, content.Length - content.Position, limit);
        }
    }
}
