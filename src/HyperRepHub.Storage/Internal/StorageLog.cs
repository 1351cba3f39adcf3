using Microsoft.Extensions.Logging;

namespace HyperRepHub.Storage.Internal;

internal static partial class StorageLog
{
    [LoggerMessage(1, LogLevel.Information, "Created blob container {Container}")]
    public static partial void ContainerCreated(ILogger logger, string container);

    [LoggerMessage(2, LogLevel.Information, "Committed blob {Container}/{Name}: {Size} bytes, SHA-256 {Sha256}")]
    public static partial void UploadCommitted(ILogger logger, string container, string name, long size, string sha256);

    [LoggerMessage(3, LogLevel.Information,
        "Skipped the commit of {Container}/{Name}: the committed blob already has SHA-256 {Sha256}")]
    public static partial void UploadUnchanged(ILogger logger, string container, string name, string sha256);

    [LoggerMessage(4, LogLevel.Information, "Upload to {Container}/{Name} was cancelled, so nothing was committed")]
    public static partial void UploadCancelled(ILogger logger, string container, string name);

    [LoggerMessage(5, LogLevel.Warning,
        "Rejected the upload to {Container}/{Name}: at least {Size} bytes, over the limit of {Limit} bytes")]
    public static partial void UploadTooLarge(ILogger logger, string container, string name, long size, long limit);

    [LoggerMessage(6, LogLevel.Information, "Deleted blob {Container}/{Name}")]
    public static partial void BlobDeleted(ILogger logger, string container, string name);
}
