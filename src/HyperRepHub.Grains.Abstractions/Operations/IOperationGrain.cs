using HyperRepHub.Grains.Errors;
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
    /// <exception cref="HubException">
    /// InvalidArgument when no handler runs the request's kind; AlreadyExists when the operation was started with
    /// another request.
    /// </exception>
    Task<OperationStatus> StartAsync(OperationRequest request);

    /// <summary>Returns the latest status.</summary>
    /// <exception cref="HubException">NotFound when the operation was never started.</exception>
    [AlwaysInterleave]
    Task<OperationStatus> GetAsync();

    /// <summary>
    /// Requests cancellation and returns the status. The handler stops at its next step; the state becomes
    /// Cancelled then. Cancelling a final operation changes nothing.
    /// </summary>
    /// <exception cref="HubException">NotFound when the operation was never started.</exception>
    [AlwaysInterleave]
    Task<OperationStatus> CancelAsync();

    /// <summary>
    /// Yields the current status at once, then each newer status until a final one. A slow reader skips
    /// intermediate statuses rather than queueing them, so it always gets the latest.
    /// </summary>
    /// <exception cref="HubException">NotFound when the operation was never started.</exception>
    [AlwaysInterleave]
    IAsyncEnumerable<OperationStatus> WatchAsync(CancellationToken cancellationToken = default);
}
