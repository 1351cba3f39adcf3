using System.Net;
using Azure.Storage.Blobs;
using Grpc.Net.Client;
using HyperRepHub.Server.Services;
using HyperRepHub.Storage;
using HyperRepHub.Storage.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Server.Tests.Api;

/// <summary>
/// A real server for the domain API tests: a fresh Azurite on free loopback ports, one Orleans silo with Azure
/// Blob grain storage on it, and Kestrel serving gRPC over HTTP/2 on a free loopback port.
/// </summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), $"hyperrephub-api-tests-{Guid.NewGuid():N}");

    private AzuriteLauncher? _azurite;
    private WebApplication? _app;

    /// <summary>A channel to the server's gRPC endpoint.</summary>
    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The checkpoint store the server writes, for checking what reached blob storage.</summary>
    public ICheckpointStore Store => _app!.Services.GetRequiredService<ICheckpointStore>();

    /// <summary>The largest checkpoint the server accepts in these tests.</summary>
    public const long MaxCheckpointBytes = 256 * 1024;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        var azuriteOptions = new AzuriteOptions
        {
            DataDirectory = _dataDirectory, BlobPort = 0, QueuePort = 0, TablePort = 0, ReuseRunning = false,
        };
        _azurite = new AzuriteLauncher(Options.Create(azuriteOptions), NullLogger<AzuriteLauncher>.Instance);
        var endpoints = await _azurite.StartAsync().WaitAsync(TimeSpan.FromMinutes(6));
        _app = Build(endpoints.ConnectionString);
        await _app.StartAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        Channel = GrpcChannel.ForAddress(address);
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync().WaitAsync(TimeSpan.FromMinutes(1));
            await _app.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static WebApplication Build(string connectionString)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Configuration[$"{StorageOptions.SectionName}:ConnectionString"] = connectionString;
        builder.Configuration["HyperRepHub:Zoos:MaxCheckpointBytes"] = MaxCheckpointBytes.ToString();
        builder.Services.AddHyperRepHubStorage(builder.Configuration);
        builder.Host.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort())
            .AddAzureBlobGrainStorageAsDefault(options => options.BlobServiceClient =
                new BlobServiceClient(connectionString)));
        builder.Services.AddHyperRepHubDomainApi(builder.Configuration);
        var app = builder.Build();
        app.MapHyperRepHubDomainApi();
        return app;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Shares one server between the API test classes.</summary>
[CollectionDefinition(Name)]
public sealed class ApiServerCollection : ICollectionFixture<ApiServerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "api-server";
}
