using Orleans.Concurrency;

namespace HyperRepHub.Grains.Operations;

/// <summary>
/// One long-running operation. Keyed by the operation id; get it with <see cref="OperationIds.ToGrainId"/> or
/// start one with <see cref="OperationGrainFactoryExtensions.StartOperationAsync"/>. Every method returns quickly:
/// the handler runs on a worker pool, outside the grain's calls.
/// </summary>
public interface IOperationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the operation and returns its Pending or Running status. Starting it again with the same request
    /// returns the current status.
    /// </summary>
    /// <exception cref="ArgumentException">No handler is registered for the request's kind.</exception>
    /// <exception cref="InvalidOperationException">The operation was already started with another request.</exception>
    Task<OperationStatus> StartAsync(OperationRequest request);

    /// <summary>Returns the latest status.</summary>
    /// <exception cref="OperationNotFoundException">The operation was never started.</exception>
    [AlwaysInterleave]
    Task<OperationStatus> GetAsync();

    /// <summary>
    /// Requests cancellation and returns the status. The handler stops at its next step; the state becomes
    /// Cancelled then. Cancelling a final operation changes nothing.
    /// </summary>
    /// <exception cref="OperationNotFoundException">The operation was never started.</exception>
    [AlwaysInterleave]
    Task<OperationStatus> CancelAsync();

    /// <summary>
    /// Yields the current status at once, then each newer status until a final one. A slow reader skips
    /// intermediate statuses rather than queueing them, so it always gets the latest.
    /// </summary>
    /// <exception cref="OperationNotFoundException">The operation was never started.</exception>
    [AlwaysInterleave]
    IAsyncEnumerable<OperationStatus> WatchAsync(CancellationToken cancellationToken = default);
}
