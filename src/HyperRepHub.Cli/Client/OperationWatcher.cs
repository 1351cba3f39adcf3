using System.Globalization;
using Grpc.Core;

namespace HyperRepHub.Cli.Client;

/// <summary>
/// Follows an operation until it reaches a final state. When the watch stream drops (hub restart, network loss) it
/// waits and watches again; the hub then starts from the latest state, so no final state is missed.
/// </summary>
public sealed class OperationWatcher(HubClient client)
{
    /// <summary>Reconnect attempts in a row without receiving a state before giving up. Default 30.</summary>
    public int MaxReconnects { get; init; } = 30;

    /// <summary>Wait before the first reconnect; it doubles up to <see cref="MaxDelay"/>. Default 250 ms.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait between reconnects. Default 5 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Maximum time <see cref="WaitAsync"/> waits for a final state before it throws; null waits without limit.
    /// Default null.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Callback before each reconnect, with the attempt number (from 1) and why the stream ended.</summary>
    public Action<int, string>? Reconnecting { get; init; }

    /// <summary>Yields each state of the operation, ending after the first final one.</summary>
    public async IAsyncEnumerable<OperationInfo> WatchAsync(
        string operationId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var attempt = 0;
        var delay = FirstDelay;
        while (true)
        {
            var enumerator = client.WatchOnceAsync(operationId, cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
            var reason = "the stream ended before a final state";
            try
            {
                while (true)
                {
                    var next = await TryMoveNextAsync(enumerator, operationId, cancellationToken);
                    if (next.Dropped is not null)
                    {
                        reason = next.Dropped;
                        break;
                    }

                    if (!next.Moved)
                    {
                        break;
                    }

                    attempt = 0;
                    delay = FirstDelay;
                    yield return enumerator.Current;
                    if (enumerator.Current.Done)
                    {
                        yield break;
                    }
                }
            }
            finally
            {
                await enumerator.DisposeAsync();
            }

            attempt++;
            if (attempt > MaxReconnects)
            {
                throw new HubClientException(
                    $"Watching operation '{operationId}' failed: {reason}, {MaxReconnects} reconnects in a row; "
                    + $"check the hub at {client.Options.Address} and run 'hyperrep watch {operationId}' again.");
            }

            Reconnecting?.Invoke(attempt, reason);
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }

    /// <summary>Watches until the operation is final and returns that state, reporting each state on the way.</summary>
    /// <exception cref="HubClientException">
    /// The watch failed, or <see cref="Timeout"/> passed first (status <see cref="StatusCode.DeadlineExceeded"/>).
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<OperationInfo> WaitAsync(
        string operationId, Action<OperationInfo>? onState = null, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Timeout is { } limit)
        {
            deadline.CancelAfter(limit);
        }

        OperationInfo? last = null;
        try
        {
            await foreach (var state in WatchAsync(operationId, deadline.Token))
            {
                onState?.Invoke(state);
                last = state;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && Timeout is { } timeout)
        {
            throw new HubClientException(TimedOutMessage(operationId, timeout, last), StatusCode.DeadlineExceeded);
        }

        return last ?? throw new HubClientException($"Watching operation '{operationId}' failed: no state arrived.");
    }

    private static string TimedOutMessage(string operationId, TimeSpan timeout, OperationInfo? last)
    {
        string seen = "before any state arrived";
        if (last is not null)
        {
            double percent = 100 * Math.Clamp(last.Progress, 0, 1);
            seen = string.Create(CultureInfo.InvariantCulture,
                $"while it was {last.Status.ToString().ToLowerInvariant()} at {percent:0}%");
        }

        return $"Timed out after {timeout} waiting for operation '{operationId}' {seen}. It keeps running on the " +
            $"hub: watch it again with 'hyperrep watch {operationId}' or cancel it with " +
            $"'hyperrep ops cancel {operationId}'.";
    }

    private async Task<(bool Moved, string? Dropped)> TryMoveNextAsync(
        IAsyncEnumerator<OperationInfo> enumerator, string operationId, CancellationToken cancellationToken)
    {
        try
        {
            return (await enumerator.MoveNextAsync(), null);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Cancelled &&
            cancellationToken.IsCancellationRequested)
        {
            // The caller cancelled (Ctrl-C or a timeout), which gRPC reports as a Cancelled status.
            throw new OperationCanceledException($"Watching operation '{operationId}' was cancelled.", error,
                cancellationToken);
        }
        catch (RpcException error) when (IsConnectionLoss(error.StatusCode))
        {
            return (false, $"the connection dropped ({error.StatusCode})");
        }
        catch (RpcException error)
        {
            throw HubClientException.FromRpc(error, $"Watching operation '{operationId}'", client.Options.Address);
        }
    }

    private static bool IsConnectionLoss(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Aborted;
}
