using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using HyperRepHub.Server.Hosting;

namespace HyperRepHub.Server.Grpc;

/// <summary>
/// Rejects calls without a configured API key in <c>authorization: Bearer &lt;key&gt;</c> as Unauthenticated.
/// gRPC health checks stay open so orchestrators can probe. With no keys configured every call passes.
/// </summary>
internal sealed partial class ApiKeyInterceptor(ApiKeySettings settings, ILogger<ApiKeyInterceptor> logger)
    : Interceptor
{
    private const string HealthServicePrefix = "/grpc.health.v1.Health/";
    private const string BearerPrefix = "Bearer ";

    private readonly byte[][] _keyHashes = settings.Keys.Select(Hash).ToArray();

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Authorize(ServerCallContext context)
    {
        if (!settings.Required || context.Method.StartsWith(HealthServicePrefix, StringComparison.Ordinal))
        {
            return;
        }

        var header = context.RequestHeaders.GetValue("authorization");
        if (header is not null && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var presented = Hash(header[BearerPrefix.Length..].Trim());
            if (_keyHashes.Any(known => CryptographicOperations.FixedTimeEquals(known, presented)))
            {
                return;
            }
        }

        Log.Rejected(logger, context.Method, context.Peer, header is null ? "missing" : "invalid");
        throw new RpcException(new Status(StatusCode.Unauthenticated,
            "Missing or invalid API key: send the header 'authorization: Bearer <key>' with a configured key."));
    }

    // Comparing fixed-length hashes keeps the comparison time independent of the key's length and content.
    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Rejected {Method} from {Peer}: API key {Problem}")]
        public static partial void Rejected(ILogger logger, string method, string peer, string problem);
    }
}
