namespace HyperRepHub.Storage;

/// <summary>
/// The storage account that holds checkpoints and grain state (blobs) and Orleans clustering and reminders (tables).
/// Set <see cref="ConnectionString"/>, or both service URIs for <c>DefaultAzureCredential</c>; set none of them to
/// start or reuse a local Azurite.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "HyperRepHub:Storage";

    /// <summary>The default size of one staged block: 4 MiB.</summary>
    public const int DefaultBlockSizeBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Azure Storage connection string (Azurite or an account with shared keys). Takes precedence over the service
    /// URIs. Default: empty.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob endpoint, used with <c>DefaultAzureCredential</c> when no connection string is set. Default: empty.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>Table endpoint, used with <c>DefaultAzureCredential</c> when no connection string is set. Default: empty.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>Largest accepted upload in bytes, or null for no limit. Default: null.</summary>
    public long? MaxUploadBytes { get; set; }

    /// <summary>Size of each block an upload stages before committing, in bytes. Default: 4 MiB.</summary>
    public int BlockSizeBytes { get; set; } = DefaultBlockSizeBytes;

    /// <summary>Whether no account is configured, so the server uses a local Azurite.</summary>
    public bool UsesLocalEmulator =>
        string.IsNullOrWhiteSpace(ConnectionString) &&
        string.IsNullOrWhiteSpace(BlobServiceUri) &&
        string.IsNullOrWhiteSpace(TableServiceUri);
}
