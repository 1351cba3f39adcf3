using Grpc.Core;
using Grpc.Core.Interceptors;
using HyperRepHub.Grains.Errors;

namespace HyperRepHub.Server.Services;

/// <summary>
/// Turns a <see cref="HubException"/> from a domain grain or service into an <see cref="RpcException"/> with the
/// matching status code and the exception's message, which names the field, id or limit involved.
/// </summary>
public sealed class DomainErrorInterceptor : Interceptor
{
    /// <summary>Maps an error kind to its gRPC status code.</summary>
    public static StatusCode ToStatusCode(HubErrorKind kind) => kind switch
    {
        HubErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        HubErrorKind.NotFound => StatusCode.NotFound,
        HubErrorKind.AlreadyExists => StatusCode.AlreadyExists,
        HubErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
        HubErrorKind.ResourceExhausted => StatusCode.ResourceExhausted,
        _ => StatusCode.Unknown,
    };

    /// <inheritdoc/>
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request,
        ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (HubException ex)
        {
            throw ToRpcException(ex);
        }
    }

    /// <inheritdoc/>
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (HubException ex)
        {
            throw ToRpcException(ex);
        }
    }

    /// <inheritdoc/>
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (HubException ex)
        {
            throw ToRpcException(ex);
        }
    }

    private static RpcException ToRpcException(HubException ex) =>
        new(new Status(ToStatusCode(ex.Kind), ex.Message));
}
