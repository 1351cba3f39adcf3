using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Commands;

/// <summary>Follows an operation with a progress bar until it is final, reconnecting after drops.</summary>
internal static class WatchOperation
{
    /// <summary>
    /// Waits for <paramref name="operationId"/> and returns its final state; throws when it failed or was cancelled.
    /// The bar goes to standard error so <c>--json</c> output stays clean.
    /// </summary>
    public static async Task<OperationInfo> WaitAsync(
        HubClient client, string operationId, TextWriter progress, CancellationToken cancellationToken)
    {
        var bar = WatchProgressBar.ForConsole(progress);
        var watcher = new OperationWatcher(client) { Reconnecting = bar.Reconnecting };
        var final = await watcher.WaitAsync(operationId, bar.Update, cancellationToken);
        return final.Status switch
        {
            OperationStatus.Succeeded => final,
            OperationStatus.Failed => throw new HubClientException(
                $"Operation '{operationId}' ({final.Kind}) failed: {final.Error}"),
            _ => throw new HubClientException(
                $"Operation '{operationId}' ({final.Kind}) ended {final.Status.ToString().ToLowerInvariant()}; "
                + "start it again to retry."),
        };
    }
}
