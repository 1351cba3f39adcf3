using System.Runtime.CompilerServices;

namespace HyperRepHub.Grains.Operations.Internal;

/// <summary>
/// The latest status of one operation and a signal for "it changed", safe to publish from any thread. Watchers
/// keep only the version they last saw, so a slow watcher skips versions instead of queueing them: memory stays
/// constant and publishing never waits for a watcher.
/// </summary>
internal sealed class StatusBroadcast(OperationStatus initial)
{
    private readonly Lock _gate = new();
    private OperationStatus _latest = initial;
    private long _version;
    private TaskCompletionSource _changed = NewSignal();

    public OperationStatus Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    /// <summary>Replaces the latest status with <paramref name="update"/> applied to it, unless it is final.</summary>
    public OperationStatus Update(Func<OperationStatus, OperationStatus> update)
    {
        TaskCompletionSource changed;
        OperationStatus next;
        lock (_gate)
        {
            if (_latest.IsFinal)
            {
                return _latest;
            }

            next = update(_latest) with { UpdatedAt = DateTimeOffset.UtcNow };
            _latest = next;
            _version++;
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        return next;
    }

    /// <summary>Yields the latest status, then every newer one a reader is ready for, until a final status.</summary>
    public async IAsyncEnumerable<OperationStatus> WatchAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = -1L;
        while (true)
        {
            OperationStatus status;
            long version;
            Task changed;
            lock (_gate)
            {
                (status, version, changed) = (_latest, _version, _changed.Task);
            }

            if (version != seen)
            {
                seen = version;
                yield return status;
                if (status.IsFinal)
                {
                    yield break;
                }

                continue;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
