using Grpc.Net.Client;
using HyperRepHub.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperRepHub.Server.Tests.Infrastructure;

/// <summary>
/// The real server, composed by the same extension methods as <c>Program</c>, on free loopback ports against a
/// real Azurite, with a gRPC channel to it over a socket.
/// </summary>
internal sealed class HubServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private bool _stopped;

    private HubServer(WebApplication app, int grpcPort, int httpPort, ErrorLogRecorder errors)
    {
        App = app;
        Errors = errors.Entries;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
    }

    public WebApplication App { get; }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public GrpcChannel Channel { get; }

    /// <summary>Every error the server logged, as "category: message".</summary>
    public IReadOnlyCollection<string> Errors { get; }

    public static async Task<HubServer> StartAsync(
        AzuriteFixture storage,
        string clusterId,
        IDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var ports = FreePorts.Take(4);
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HyperRepHub:Storage:ConnectionString"] = storage.ConnectionString,
            ["HyperRepHub:Grpc:Port"] = ports[0].ToString(),
            ["HyperRepHub:Http:Port"] = ports[1].ToString(),
            ["Orleans:SiloPort"] = ports[2].ToString(),
            ["Orleans:GatewayPort"] = ports[3].ToString(),
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = clusterId,
            ["HyperRepHub:Silo:Device"] = "cpu",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var errors = new ErrorLogRecorder();
        builder.Logging.AddProvider(errors);
        builder.AddHyperRepHubTelemetry();
        builder.AddHyperRepHubSilo();
        builder.AddHyperRepHubGrpc();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapHyperRepHubEndpoints();
        await app.StartAsync().WaitAsync(StartTimeout);
        return new HubServer(app, ports[0], ports[1], errors);
    }

    public T GetService<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Shuts the server down gracefully, as a deployment stopping this silo would.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        Channel.Dispose();
        await App.StopAsync().WaitAsync(StartTimeout);
        await App.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
