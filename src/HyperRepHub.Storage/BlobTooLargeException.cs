namespace HyperRepHub.Storage;

/// <summary>An upload is larger than <see cref="StorageOptions.MaxUploadBytes"/>; nothing was committed.</summary>
public sealed class BlobTooLargeException(string container, string name, long size, long limit)
    : Exception($"Upload to '{container}/{name}' is too large: at least {size} bytes, over the limit of {limit} " +
        $"bytes. Send a smaller file or raise {StorageOptions.SectionName}:{nameof(StorageOptions.MaxUploadBytes)}.")
{
    /// <summary>The target container.</summary>
    public string Container { get; } = container;

    /// <summary>The target blob name.</summary>
    public string Name { get; } = name;

    /// <summary>Bytes read before the upload was rejected: a lower bound of the content size.</summary>
    public long Size { get; } = size;

    /// <summary>The configured maximum in bytes.</summary>
    public long Limit { get; } = limit;
}
