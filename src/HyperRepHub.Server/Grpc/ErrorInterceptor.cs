using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Storage;

namespace HyperRepHub.Server.Grpc;

/// <summary>
/// Turns exceptions into gRPC statuses. A rejected request keeps its message under the matching code, and a client
/// cancellation becomes Cancelled, logged at Information. Anything unexpected becomes Internal with only a trace id
/// in the message, while the log keeps the exception, the method and that id.
/// </summary>
internal sealed partial class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw ToRpcException(exception, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw ToRpcException(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw ToRpcException(exception, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw ToRpcException(exception, context);
        }
    }

    private RpcException ToRpcException(Exception exception, ServerCallContext context)
    {
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            Log.ClientCancelled(logger, context.Method, context.Peer);
            return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled by the client."));
        }

        if (ExpectedStatus(exception) is { } code)
        {
            Log.Rejected(logger, context.Method, code, exception.Message);
            return new RpcException(new Status(code, exception.Message));
        }

        var traceId = Activity.Current?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N");
        Log.Unexpected(logger, exception, context.Method, traceId);
        return new RpcException(new Status(StatusCode.Internal,
            $"An internal error occurred; the server log has the details under trace id {traceId}."));
    }

    internal static StatusCode? ExpectedStatus(Exception exception) => exception switch
    {
        HubException { Kind: HubErrorKind.InvalidArgument } => StatusCode.InvalidArgument,
        HubException { Kind: HubErrorKind.NotFound } => StatusCode.NotFound,
        HubException { Kind: HubErrorKind.AlreadyExists } => StatusCode.AlreadyExists,
        HubException { Kind: HubErrorKind.FailedPrecondition } => StatusCode.FailedPrecondition,
        HubException { Kind: HubErrorKind.ResourceExhausted } => StatusCode.ResourceExhausted,
        BlobNotFoundException => StatusCode.NotFound,
        BlobTooLargeException => StatusCode.ResourceExhausted,
        ArgumentException => StatusCode.InvalidArgument,
        _ => null,
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Call {Method} from {Peer} was cancelled by the client")]
        public static partial void ClientCancelled(ILogger logger, string method, string peer);

        [LoggerMessage(2, LogLevel.Information, "Call {Method} rejected with {StatusCode}: {Message}")]
        public static partial void Rejected(ILogger logger, string method, StatusCode statusCode, string message);

        [LoggerMessage(3, LogLevel.Error, "Call {Method} failed unexpectedly, trace id {TraceId}")]
        public static partial void Unexpected(ILogger logger, Exception exception, string method, string traceId);
    }
}
