using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HyperRepHub.Cli.Client;
using HyperRepHub.Storage.Local;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Cli.Tests.Demo;

/// <summary>
/// The real hub as a user starts it: the built server as a child process (one silo on 127.0.0.1) on free loopback
/// ports, against a real Azurite that this fixture launches with <see cref="AzuriteLauncher"/> in a temporary folder.
/// </summary>
public sealed class SpawnedHub : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly TemporaryDirectory _storage = new();
    private readonly StringBuilder _log = new();
    private AzuriteLauncher? _azurite;
    private Process? _server;

    /// <summary>The hub's gRPC address.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1");

    /// <summary>What the server wrote so far, for failure messages.</summary>
    public string Log { get { lock (_log) { return _log.ToString(); } } }

    /// <summary>A client of the hub.</summary>
    public HubClient Connect() => new(new HubConnectionOptions(Address, null));

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        _azurite = new AzuriteLauncher(Options.Create(new AzuriteOptions
        {
            DataDirectory = _storage.Path, BlobPort = 0, QueuePort = 0, TablePort = 0, ReuseRunning = false,
        }), NullLogger<AzuriteLauncher>.Instance);
        var endpoints = await _azurite.StartAsync().WaitAsync(StartTimeout);
        int[] ports = FreePorts(4);
        Address = new Uri($"http://127.0.0.1:{ports[0]}");
        _server = StartServer(endpoints.ConnectionString, ports);
        await WaitUntilRespondingAsync();
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        _server?.Dispose();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        _storage.Dispose();
    }

    private Process StartServer(string connectionString, int[] ports)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _storage.Path,
        };
        start.ArgumentList.Add(ServerAssembly());
        string cluster = "demo-test-" + Guid.NewGuid().ToString("N")[..8];
        start.Environment["HyperRepHub__Storage__ConnectionString"] = connectionString;
        start.Environment["HyperRepHub__Grpc__Port"] = $"{ports[0]}";
        start.Environment["HyperRepHub__Http__Port"] = $"{ports[1]}";
        start.Environment["HyperRepHub__Http__BindAddress"] = "127.0.0.1";
        start.Environment["HyperRepHub__Silo__Device"] = "cpu";
        start.Environment["Orleans__SiloPort"] = $"{ports[2]}";
        start.Environment["Orleans__GatewayPort"] = $"{ports[3]}";
        start.Environment["Orleans__ClusterId"] = cluster;
        start.Environment["Orleans__ServiceId"] = cluster;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // One libtorch thread: the fastest setting when other processes share the cores.
        start.Environment["OMP_NUM_THREADS"] = "1";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilRespondingAsync()
    {
        using var client = Connect();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                await client.ListZoosAsync(CancellationToken.None);
                return;
            }
            catch (HubClientException) when (DateTime.UtcNow < deadline && !_server!.HasExited)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            catch (HubClientException ex)
            {
                throw new InvalidOperationException($"The hub did not start: {ex.Message}\n{Log}", ex);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    /// <summary>The server built next to this test assembly's configuration, found from the repository root.</summary>
    private static string ServerAssembly()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HyperRepHub.sln")))
        {
            directory = directory.Parent;
        }

        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Repository root not found."),
            "src", "HyperRepHub.Server", "bin", configuration, "net10.0", "HyperRepHub.Server.dll");
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(listener => listener.Start());
        int[] ports = [.. listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        listeners.ForEach(listener => listener.Stop());
        return ports;
    }
}
