using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using HyperRepHub.Api.V1;

namespace HyperRepHub.Cli.Client;

/// <summary>
/// A typed client for one hub. It keeps the generated gRPC types inside, returns the client's own records and turns
/// every failed call into a <see cref="HubClientException"/> with a one-line message.
/// </summary>
public sealed partial class HubClient : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly ZooService.ZooServiceClient _zoos;
    private readonly HyperRepresentationService.HyperRepresentationServiceClient _hyperRepresentations;
    private readonly PopulationService.PopulationServiceClient _populations;
    private readonly OperationService.OperationServiceClient _operations;

    /// <summary>Opens a channel to the hub in <paramref name="options"/>. Calls start only in methods.</summary>
    public HubClient(HubConnectionOptions options)
    {
        Options = options;
        _channel = GrpcChannel.ForAddress(options.Address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
        var invoker = _channel.CreateCallInvoker();
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            invoker = invoker.Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {options.ApiKey}");
                return metadata;
            });
        }

        _zoos = new ZooService.ZooServiceClient(invoker);
        _hyperRepresentations = new HyperRepresentationService.HyperRepresentationServiceClient(invoker);
        _populations = new PopulationService.PopulationServiceClient(invoker);
        _operations = new OperationService.OperationServiceClient(invoker);
    }

    /// <summary>The hub this client talks to.</summary>
    public HubConnectionOptions Options { get; }

    /// <inheritdoc />
    public void Dispose() => _channel.Dispose();

    private async Task<T> CallAsync<T>(string action, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException error)
        {
            throw HubClientException.FromRpc(error, action, Options.Address);
        }
    }

    private async Task<T?> FindAsync<T>(string action, Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        catch (RpcException error)
        {
            throw HubClientException.FromRpc(error, action, Options.Address);
        }
    }
}
