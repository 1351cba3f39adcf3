using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using HyperRepHub.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobCheckpointStoreTests
{
    private const int BlockSize = 64 * 1024;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly BlobServiceClient _serviceClient;
    private readonly LogSink _logs = new();
    private readonly string _prefix = $"tests/{Guid.NewGuid():N}/";

    public AzureBlobCheckpointStoreTests(AzuriteFixture azurite)
    {
        _serviceClient = new BlobServiceClient(azurite.Endpoints.ConnectionString);
    }

    [Fact]
    public async Task UploadAsync_MultiBlockContent_RoundTripsBytes()
    {
        var store = CreateStore();
        byte[] content = TestStreams.RandomBytes(3 * BlockSize + 123, seed: 1);

        var record = await store.UploadAsync(CheckpointContainers.Zoos, _prefix + "model.safetensors",
            new ForwardOnlyStream(content)).WaitAsync(Timeout);
        byte[] downloaded = await DownloadAsync(store, CheckpointContainers.Zoos, _prefix + "model.safetensors");

        Assert.Equal(content.Length, record.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), record.Sha256);
        Assert.Equal(content, downloaded);
        Assert.Empty(_logs.Errors);
    }

    [Fact]
    public async Task UploadAsync_Commit_StoresHashMetadata()
    {
        var store = CreateStore();
        byte[] content = TestStreams.RandomBytes(BlockSize + 7, seed: 2);
        string name = _prefix + "hashed.bin";

        var uploaded = await store.UploadAsync(CheckpointContainers.Zoos, name, new MemoryStream(content))
            .WaitAsync(Timeout);
        var fetched = await store.GetAsync(CheckpointContainers.Zoos, name).WaitAsync(Timeout);
        var properties = await _serviceClient.GetBlobContainerClient(CheckpointContainers.Zoos).GetBlobClient(name)
            .GetPropertiesAsync().WaitAsync(Timeout);

        Assert.Equal(uploaded, fetched);
        Assert.Equal(uploaded.Sha256, properties.Value.Metadata["sha256"]);
        Assert.Equal(content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            properties.Value.Metadata["size"]);
        Assert.Equal(content.Length, properties.Value.ContentLength);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UploadAsync_IdenticalContent_DoesNotCommitAgain(bool seekable)
    {
        var store = CreateStore();
        byte[] content = TestStreams.RandomBytes(2 * BlockSize, seed: 3);
        string name = _prefix + $"same-{seekable}.bin";
        var blob = _serviceClient.GetBlobContainerClient(CheckpointContainers.Zoos).GetBlockBlobClient(name);
        await store.UploadAsync(CheckpointContainers.Zoos, name, new MemoryStream(content)).WaitAsync(Timeout);
        var firstETag = (await blob.GetPropertiesAsync().WaitAsync(Timeout)).Value.ETag;

        var second = await store.UploadAsync(CheckpointContainers.Zoos, name, CreateStream(content, seekable))
            .WaitAsync(Timeout);
        var secondETag = (await blob.GetPropertiesAsync().WaitAsync(Timeout)).Value.ETag;
        var uncommitted = await blob.GetBlockListAsync(BlockListTypes.Uncommitted).WaitAsync(Timeout);
        await store.UploadAsync(CheckpointContainers.Zoos, name, CreateStream([.. content.Reverse()], seekable))
            .WaitAsync(Timeout);
        var changedETag = (await blob.GetPropertiesAsync().WaitAsync(Timeout)).Value.ETag;

        Assert.Equal(firstETag, secondETag);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), second.Sha256);
        Assert.NotEqual(firstETag, changedETag);
        if (seekable)
        {
            Assert.Empty(uncommitted.Value.UncommittedBlocks);
        }
    }

    [Fact]
    public async Task OpenReadAsync_TamperedContent_Throws()
    {
        var store = CreateStore();
        string name = _prefix + "tampered.bin";
        byte[] content = TestStreams.RandomBytes(BlockSize, seed: 9);
        var blob = _serviceClient.GetBlobContainerClient(CheckpointContainers.Zoos).GetBlobClient(name);
        await store.UploadAsync(CheckpointContainers.Zoos, name, new MemoryStream(content)).WaitAsync(Timeout);
        var metadata = (await blob.GetPropertiesAsync().WaitAsync(Timeout)).Value.Metadata;
        content[100] ^= 0xFF;
        await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions { Metadata = metadata }).WaitAsync(Timeout);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            DownloadAsync(store, CheckpointContainers.Zoos, name));

        Assert.Contains($"Blob 'zoos/{name}' failed its integrity check", error.Message);
    }

    [Fact]
    public async Task OpenReadAsync_SeekThenRead_ReturnsContent()
    {
        var store = CreateStore();
        string name = _prefix + "seek.bin";
        byte[] content = TestStreams.RandomBytes(BlockSize, seed: 10);
        await store.UploadAsync(CheckpointContainers.Zoos, name, new MemoryStream(content)).WaitAsync(Timeout);
        await using var stream = await store.OpenReadAsync(CheckpointContainers.Zoos, name).WaitAsync(Timeout);
        byte[] head = new byte[10];
        await stream.ReadExactlyAsync(head).AsTask().WaitAsync(Timeout);

        stream.Position = 1000;
        using var rest = new MemoryStream();
        await stream.CopyToAsync(rest).WaitAsync(Timeout);

        Assert.Equal(content[..10], head);
        Assert.Equal(content[1000..], rest.ToArray());
    }

    [Fact]
    public async Task UploadAsync_CancelledHalfway_LeavesNothing()
    {
        var store = CreateStore();
        byte[] content = TestStreams.RandomBytes(4 * BlockSize, seed: 4);
        string name = _prefix + "cancelled.bin";
        using var cancellation = new CancellationTokenSource();
        var stream = new CancellingStream(content, cancelAfterBytes: 2 * BlockSize, cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            store.UploadAsync(CheckpointContainers.Zoos, name, stream, cancellation.Token).WaitAsync(Timeout));
        var afterCancel = await store.GetAsync(CheckpointContainers.Zoos, name).WaitAsync(Timeout);
        var listed = await ListNamesAsync(store, CheckpointContainers.Zoos, _prefix);
        var openAfterCancel = await Record.ExceptionAsync(() =>
            store.OpenReadAsync(CheckpointContainers.Zoos, name).WaitAsync(Timeout));
        var retried = await store.UploadAsync(CheckpointContainers.Zoos, name, new ForwardOnlyStream(content))
            .WaitAsync(Timeout);

        Assert.Null(afterCancel);
        Assert.Empty(listed);
        Assert.IsType<BlobNotFoundException>(openAfterCancel);
        Assert.Equal(content.Length, retried.Size);
        Assert.Equal(content, await DownloadAsync(store, CheckpointContainers.Zoos, name));
    }

    [Fact]
    public async Task UploadAsync_CancelledOverwrite_KeepsPreviousContent()
    {
        var store = CreateStore();
        byte[] original = TestStreams.RandomBytes(BlockSize + 1, seed: 5);
        byte[] replacement = TestStreams.RandomBytes(4 * BlockSize, seed: 6);
        string name = _prefix + "overwrite.bin";
        var first = await store.UploadAsync(CheckpointContainers.Zoos, name, new MemoryStream(original))
            .WaitAsync(Timeout);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.UploadAsync(CheckpointContainers.Zoos,
            name, new CancellingStream(replacement, 2 * BlockSize, cancellation), cancellation.Token).WaitAsync(Timeout));

        Assert.Equal(first, await store.GetAsync(CheckpointContainers.Zoos, name).WaitAsync(Timeout));
        Assert.Equal(original, await DownloadAsync(store, CheckpointContainers.Zoos, name));
    }

    [Fact]
    public async Task OpenReadAsync_MissingBlob_Throws()
    {
        var store = CreateStore();

        var missing = await Assert.ThrowsAsync<BlobNotFoundException>(() =>
            store.OpenReadAsync(CheckpointContainers.Zoos, _prefix + "absent.bin").WaitAsync(Timeout));
        var missingContainer = await Assert.ThrowsAsync<BlobNotFoundException>(() =>
            store.OpenReadAsync("no-such-container", "absent.bin").WaitAsync(Timeout));

        Assert.Equal(_prefix + "absent.bin", missing.Name);
        Assert.Equal("no-such-container", missingContainer.Container);
        Assert.Null(await store.GetAsync(CheckpointContainers.Zoos, _prefix + "absent.bin").WaitAsync(Timeout));
        Assert.Null(await store.GetAsync("no-such-container", "absent.bin").WaitAsync(Timeout));
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsOnlyMatchingBlobs()
    {
        var store = CreateStore();
        foreach (var name in new[] { "a/1.bin", "a/2.bin", "b/1.bin" })
        {
            await store.UploadAsync(CheckpointContainers.Populations, _prefix + name, new MemoryStream([1, 2, 3]))
                .WaitAsync(Timeout);
        }

        var underA = await ListNamesAsync(store, CheckpointContainers.Populations, _prefix + "a/");
        var all = await ListNamesAsync(store, CheckpointContainers.Populations, _prefix);
        var inMissingContainer = await ListNamesAsync(store, "no-such-container", "");

        Assert.Equal([_prefix + "a/1.bin", _prefix + "a/2.bin"], underA);
        Assert.Equal(3, all.Count);
        Assert.Empty(inMissingContainer);
    }

    [Fact]
    public async Task DeleteAsync_ExistingBlob_RemovesIt()
    {
        var store = CreateStore();
        string name = _prefix + "deleted.bin";
        await store.UploadAsync(CheckpointContainers.HyperRepresentations, name, new MemoryStream([9]))
            .WaitAsync(Timeout);

        bool deleted = await store.DeleteAsync(CheckpointContainers.HyperRepresentations, name).WaitAsync(Timeout);
        bool deletedAgain = await store.DeleteAsync(CheckpointContainers.HyperRepresentations, name).WaitAsync(Timeout);

        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Null(await store.GetAsync(CheckpointContainers.HyperRepresentations, name).WaitAsync(Timeout));
        Assert.False(await store.DeleteAsync("no-such-container", name).WaitAsync(Timeout));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UploadAsync_OverLimit_ThrowsWithSizeAndLimit(bool seekable)
    {
        const long limit = 2 * BlockSize;
        var store = CreateStore(maxUploadBytes: limit);
        byte[] content = TestStreams.RandomBytes(3 * BlockSize, seed: 7);
        string name = _prefix + $"large-{seekable}.bin";
        var stream = CreateStream(content, seekable);

        var error = await Assert.ThrowsAsync<BlobTooLargeException>(() =>
            store.UploadAsync(CheckpointContainers.Zoos, name, stream).WaitAsync(Timeout));

        Assert.Equal(limit, error.Limit);
        Assert.True(error.Size > limit, $"reported size {error.Size} should exceed the limit {limit}");
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
        Assert.Null(await store.GetAsync(CheckpointContainers.Zoos, name).WaitAsync(Timeout));
    }

    [Fact]
    public async Task UploadAsync_ExactlyAtLimit_Succeeds()
    {
        var store = CreateStore(maxUploadBytes: 2 * BlockSize);
        byte[] content = TestStreams.RandomBytes(2 * BlockSize, seed: 8);

        var record = await store.UploadAsync(CheckpointContainers.Zoos, _prefix + "at-limit.bin",
            new ForwardOnlyStream(content)).WaitAsync(Timeout);

        Assert.Equal(content.Length, record.Size);
    }

    [Fact]
    public async Task UploadAsync_EmptyContent_CommitsEmptyBlob()
    {
        var store = CreateStore();

        var record = await store.UploadAsync(CheckpointContainers.Zoos, _prefix + "empty.bin", new MemoryStream())
            .WaitAsync(Timeout);

        Assert.Equal(0, record.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([])), record.Sha256);
        Assert.Empty(await DownloadAsync(store, CheckpointContainers.Zoos, _prefix + "empty.bin"));
    }

    private static Stream CreateStream(byte[] content, bool seekable) =>
        seekable ? new MemoryStream(content) : new ForwardOnlyStream(content);

    private AzureBlobCheckpointStore CreateStore(long? maxUploadBytes = null) => new(
        _serviceClient,
        Options.Create(new StorageOptions { BlockSizeBytes = BlockSize, MaxUploadBytes = maxUploadBytes }),
        new RecordingLogger<AzureBlobCheckpointStore>(_logs));

    private static async Task<byte[]> DownloadAsync(ICheckpointStore store, string container, string name)
    {
        await using var stream = await store.OpenReadAsync(container, name).WaitAsync(Timeout);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy).WaitAsync(Timeout);
        return copy.ToArray();
    }

    private static async Task<List<string>> ListNamesAsync(ICheckpointStore store, string container, string prefix)
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var names = new List<string>();
        await foreach (var record in store.ListAsync(container, prefix, cancellation.Token))
        {
            names.Add(record.Name);
        }

        return names;
    }
}
