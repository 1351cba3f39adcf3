using Grpc.Core;
using HyperRepHub.Api.V1;

namespace HyperRepHub.Cli.Client;

public sealed partial class HubClient
{
    /// <summary>Returns the latest state of an operation.</summary>
    public Task<OperationInfo> GetOperationAsync(string id, CancellationToken cancellationToken = default) =>
        CallAsync($"Reading operation '{id}'", async () => ProtoMapping.ToInfo(
            await _operations.GetOperationAsync(
                new GetOperationRequest { Id = id }, cancellationToken: cancellationToken)));

    /// <summary>Lists operations newest first, filtered by kind, target and status when given.</summary>
    public Task<OperationPage> ListOperationsAsync(
        string? kind = null, string? targetId = null, OperationStatus? status = null, int pageSize = 0,
        string? pageToken = null, CancellationToken cancellationToken = default) =>
        CallAsync("Listing operations", async () =>
        {
            var response = await _operations.ListOperationsAsync(
                new ListOperationsRequest
                {
                    Kind = kind ?? "",
                    TargetId = targetId ?? "",
                    State = ProtoMapping.ToState(status),
                    PageSize = pageSize,
                    PageToken = pageToken ?? "",
                },
                cancellationToken: cancellationToken);
            return new OperationPage(response.Operations.Select(ProtoMapping.ToInfo).ToList(), response.NextPageToken);
        });

    /// <summary>Requests cancellation and returns the operation's state at that moment.</summary>
    public Task<OperationInfo> CancelOperationAsync(string id, CancellationToken cancellationToken = default) =>
        CallAsync($"Cancelling operation '{id}'", async () => ProtoMapping.ToInfo(
            await _operations.CancelOperationAsync(
                new CancelOperationRequest { Id = id }, cancellationToken: cancellationToken)));

    /// <summary>
    /// Streams the states of one operation over a single call. A dropped connection surfaces as
    /// <see cref="RpcException"/>; <see cref="OperationWatcher"/> re-watches instead.
    /// </summary>
    internal async IAsyncEnumerable<OperationInfo> WatchOnceAsync(
        string id, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var call = _operations.WatchOperation(
            new WatchOperationRequest { Id = id }, cancellationToken: cancellationToken);
        await foreach (var operation in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            yield return ProtoMapping.ToInfo(operation);
        }
    }
}
