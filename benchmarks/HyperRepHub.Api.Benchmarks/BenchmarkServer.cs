using System.Net;
using System.Net.Sockets;
using HyperRepHub.Server.Hosting;
using HyperRepHub.Storage.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Api.Benchmarks;

/// <summary>The real server, composed as <c>Program</c> does, on free loopback ports with its own Azurite.</summary>
internal sealed class BenchmarkServer : IAsyncDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"hyperrephub-bench-{Guid.NewGuid():N}");
    private AzuriteLauncher? _azurite;
    private WebApplication? _app;

    public string Address { get; private set; } = "";

    public async Task StartAsync()
    {
        var options = new AzuriteOptions
        {
            DataDirectory = _dataDirectory, BlobPort = 0, QueuePort = 0, TablePort = 0, ReuseRunning = false,
        };
        _azurite = new AzuriteLauncher(Options.Create(options), NullLogger<AzuriteLauncher>.Instance);
        var endpoints = await _azurite.StartAsync();
        int grpcPort = FreePort();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HyperRepHub:Storage:ConnectionString"] = endpoints.ConnectionString,
            ["HyperRepHub:Grpc:Port"] = $"{grpcPort}",
            ["HyperRepHub:Http:Port"] = $"{FreePort()}",
            ["Orleans:SiloPort"] = $"{FreePort()}",
            ["Orleans:GatewayPort"] = $"{FreePort()}",
            ["Orleans:ClusterId"] = "bench",
            ["Orleans:ServiceId"] = "bench",
            ["HyperRepHub:Silo:Device"] = "cpu",
        });
        builder.AddHyperRepHubSilo();
        builder.AddHyperRepHubGrpc();
        _app = builder.Build();
        _app.MapHyperRepHubEndpoints();
        await _app.StartAsync();
        Address = $"http://127.0.0.1:{grpcPort}";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
