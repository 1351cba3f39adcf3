using System.Net;
using HyperRepHub.Cli.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HyperRepHub.Cli.Tests;

/// <summary>
/// A gRPC server on 127.0.0.1 with a random port that hosts the given test services, so the client is tested over a
/// real HTTP/2 socket.
/// </summary>
internal sealed class TestHub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHub(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<TestHub> StartAsync(
        Action<WebApplication> map, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return new TestHub(app, new Uri(address));
    }

    public HubClient Connect(string? apiKey = null, int chunkBytes = 1024 * 1024) =>
        new(new HubConnectionOptions(Address, apiKey) { ChunkBytes = chunkBytes });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
    }
}
