using Grpc.Core;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Grains.Operations;
using Proto = HyperRepHub.Api.V1;

namespace HyperRepHub.Server.Services;

/// <summary>gRPC access to operations: get, list, cancel and watch.</summary>
internal sealed partial class OperationService(IGrainFactory grains, ILogger<OperationService> logger)
    : Proto.OperationService.OperationServiceBase
{
    private const int DefaultPageSize = 100;

    // A watch that loses its grain (a silo stopped) reconnects to the re-activated grain this many times in a row.
    private const int MaxReconnects = 5;

    public override async Task<Proto.Operation> GetOperation(
        Proto.GetOperationRequest request, ServerCallContext context) =>
        (await GetGrain(request.Id).GetAsync()).ToProto();

    public override async Task<Proto.Operation> CancelOperation(
        Proto.CancelOperationRequest request, ServerCallContext context) =>
        (await GetGrain(request.Id).CancelAsync()).ToProto();

    public override async Task<Proto.ListOperationsResponse> ListOperations(
        Proto.ListOperationsRequest request, ServerCallContext context)
    {
        var query = new OperationQuery(
            NullIfEmpty(request.Kind),
            NullIfEmpty(request.TargetId),
            request.State.FromProto(),
            request.PageSize == 0 ? DefaultPageSize : request.PageSize,
            NullIfEmpty(request.PageToken));
        var page = await grains.GetGrain<IOperationIndexGrain>(IOperationIndexGrain.AllKey).ListAsync(query);
        var response = new Proto.ListOperationsResponse { NextPageToken = page.NextPageToken ?? string.Empty };
        response.Operations.AddRange(page.Operations.Select(status => status.ToProto()));
        return response;
    }

    public override async Task WatchOperation(
        Proto.WatchOperationRequest request, IServerStreamWriter<Proto.Operation> responseStream,
        ServerCallContext context)
    {
        var grain = GetGrain(request.Id);
        var cancellationToken = context.CancellationToken;
        for (var reconnects = 0; ; reconnects++)
        {
            try
            {
                await foreach (var status in grain.WatchAsync(cancellationToken).WithCancellation(cancellationToken))
                {
                    reconnects = 0;
                    await responseStream.WriteAsync(status.ToProto(), cancellationToken);
                }

                return;
            }
            catch (Exception exception) when (IsLostGrain(exception) && reconnects < MaxReconnects)
            {
                Log.WatchReconnecting(logger, exception, request.Id, reconnects + 1);
            }
        }
    }

    private IOperationGrain GetGrain(string id) =>
        OperationIds.TryToGrainId(id, out var grainId)
            ? grains.GetGrain<IOperationGrain>(grainId)
            : throw HubException.InvalidArgument(
                "id", $"'{id}' is not an operation id; expected 'op-' or 'op-accel-' and 32 lower-case hex digits.");

    private static bool IsLostGrain(Exception exception) =>
        exception is EnumerationAbortedException or SiloUnavailableException or OrleansMessageRejectionException;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Watch of operation {OperationId} lost its grain; reconnect {Attempt}")]
        public static partial void WatchReconnecting(
            ILogger logger, Exception exception, string operationId, int attempt);
    }
}
