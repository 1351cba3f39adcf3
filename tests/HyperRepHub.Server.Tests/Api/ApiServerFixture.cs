using Grpc.Net.Client;
using HyperRepHub.Server.Tests.Infrastructure;
using HyperRepHub.Storage;

namespace HyperRepHub.Server.Tests.Api;

/// <summary>
/// The real server for the domain API tests, composed like <c>Program</c>, against a real Azurite and reached by
/// a gRPC channel over a loopback socket.
/// </summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    /// <summary>The largest checkpoint the server accepts in these tests.</summary>
    public const long MaxCheckpointBytes = 256 * 1024;

    private readonly AzuriteFixture _storage = new();
    private HubServer? _server;

    /// <summary>A channel to the server's gRPC endpoint.</summary>
    public GrpcChannel Channel => _server!.Channel;

    /// <summary>The checkpoint store the server writes, for checking what reached blob storage.</summary>
    public ICheckpointStore Store => _server!.GetService<ICheckpointStore>();

    /// <summary>The grain factory of the server's silo.</summary>
    public IGrainFactory GrainFactory => _server!.GetService<IGrainFactory>();

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        await _storage.InitializeAsync();
        _server = await HubServer.StartAsync(_storage, "api-" + Guid.NewGuid().ToString("N")[..8],
            new Dictionary<string, string?> { ["HyperRepHub:Zoos:MaxCheckpointBytes"] = $"{MaxCheckpointBytes}" });
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await _storage.DisposeAsync();
    }
}

/// <summary>Shares one server between the API test classes.</summary>
[CollectionDefinition(Name)]
public sealed class ApiServerCollection : ICollectionFixture<ApiServerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "api-server";
}
