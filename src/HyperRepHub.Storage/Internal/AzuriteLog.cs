using Microsoft.Extensions.Logging;

namespace HyperRepHub.Storage.Internal;

internal static partial class AzuriteLog
{
    [LoggerMessage(101, LogLevel.Information,
        "Reusing the Azurite already running on 127.0.0.1 (blob port {BlobPort}, table port {TablePort})")]
    public static partial void Reusing(ILogger logger, int blobPort, int tablePort);

    [LoggerMessage(102, LogLevel.Information, "Installing Azurite with npm ci in {ToolDirectory}")]
    public static partial void Installing(ILogger logger, string toolDirectory);

    [LoggerMessage(103, LogLevel.Information,
        "Starting Azurite on 127.0.0.1 (blob {BlobPort}, queue {QueuePort}, table {TablePort}), data in {DataDirectory}")]
    public static partial void Starting(ILogger logger, int blobPort, int queuePort, int tablePort, string dataDirectory);

    [LoggerMessage(104, LogLevel.Information, "Azurite is ready (process {ProcessId})")]
    public static partial void Started(ILogger logger, int processId);

    [LoggerMessage(105, LogLevel.Information, "Stopped Azurite (process {ProcessId})")]
    public static partial void Stopped(ILogger logger, int processId);

    [LoggerMessage(106, LogLevel.Error, "Azurite failed to start: {Output}")]
    public static partial void StartFailed(ILogger logger, string output);
}
