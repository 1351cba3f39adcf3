using Microsoft.Extensions.Options;

namespace HyperRepHub.Grains.Operations.Internal;

/// <summary>
/// Runs operation handlers on dedicated threads, at most <see cref="OperationOptions.MaxConcurrent"/> at once per
/// silo. Waiting work stays Pending; cancelling it while it waits ends it without running.
/// </summary>
internal sealed class OperationWorkerPool(IOptions<OperationOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrent, options.Value.MaxConcurrent);

    /// <summary>Waits for a free slot, calls <paramref name="onStarted"/>, then runs <paramref name="work"/>.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, Action onStarted, CancellationToken cancellationToken)
    {
        // Awaiting outside the grain's context: the caller's continuation resumes on its own scheduler.
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            onStarted();

            // A dedicated thread, so synchronous TorchSharp work does not hold a thread-pool thread that Orleans and
            // Kestrel need. NOTE: after the handler's first await it continues on the thread pool.
            var running = Task.Factory.StartNew(
                work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            return await running.Unwrap().ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
