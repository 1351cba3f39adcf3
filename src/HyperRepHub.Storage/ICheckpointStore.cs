namespace HyperRepHub.Storage;

/// <summary>
/// Stores checkpoints and other weight-sized files as blobs. An upload becomes visible only when complete, with
/// its SHA-256 and size recorded; uploading identical content again is a no-op.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>Streams <paramref name="content"/> into <paramref name="container"/>/<paramref name="name"/> in blocks and commits it.</summary>
    Task<BlobRecord> UploadAsync(string container, string name, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens a completed blob for streaming reads.</summary>
    /// <exception cref="BlobNotFoundException">No completed blob has that name.</exception>
    Task<Stream> OpenReadAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>Returns the record of a completed blob, or null when there is none.</summary>
    Task<BlobRecord?> GetAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists completed blobs whose names start with <paramref name="prefix"/>.</summary>
    IAsyncEnumerable<BlobRecord> ListAsync(string container, string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes a blob; returns false when it did not exist.</summary>
    Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default);
}
