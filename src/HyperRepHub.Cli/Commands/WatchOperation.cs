using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Commands;

/// <summary>Follows an operation with a progress bar until it is final, reconnecting after drops.</summary>
internal static class WatchOperation
{
    /// <summary>
    /// Waits for <paramref name="operationId"/> and returns its final state; throws when it failed or was cancelled,
    /// or when <paramref name="timeout"/> passes first. The bar goes to standard error so <c>--json</c> output stays
    /// clean, and its line is ended before any error is printed.
    /// </summary>
    public static async Task<OperationInfo> WaitAsync(HubClient client, string operationId, TextWriter progress,
        CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var bar = WatchProgressBar.ForConsole(progress);
        var watcher = new OperationWatcher(client) { Reconnecting = bar.Reconnecting, Timeout = timeout };
        OperationInfo final;
        try
        {
            final = await watcher.WaitAsync(operationId, bar.Update, cancellationToken);
        }
        finally
        {
            bar.EndLine();
        }

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
