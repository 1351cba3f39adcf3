using System.Net;
using System.Net.Sockets;
using HyperRepHub.Storage.Local;
using HyperRepHub.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteLauncherTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task StartAsync_FreePorts_StopsOnDispose()
    {
        var logs = new LogSink();
        string dataDirectory = Path.Combine(Path.GetTempPath(), "hyperrephub-launcher-tests", Guid.NewGuid().ToString("N"));
        var launcher = CreateLauncher(logs, new AzuriteOptions
        {
            DataDirectory = dataDirectory, BlobPort = 0, QueuePort = 0, TablePort = 0,
        });

        var endpoints = await launcher.StartAsync().WaitAsync(Timeout);
        bool startedProcess = launcher.StartedProcess;
        bool answeredWhileRunning = await AnswersAsync(endpoints.BlobPort);
        await launcher.DisposeAsync().AsTask().WaitAsync(Timeout);
        bool answeredAfterDispose = await AnswersAsync(endpoints.BlobPort);
        Directory.Delete(dataDirectory, recursive: true);

        Assert.True(startedProcess);
        Assert.True(answeredWhileRunning);
        Assert.False(answeredAfterDispose);
        Assert.Contains($"BlobEndpoint=http://127.0.0.1:{endpoints.BlobPort}/devstoreaccount1", endpoints.ConnectionString);
        Assert.Contains(logs.Entries, e => e.EventId.Name == "Stopped");
        Assert.Empty(logs.Errors);
    }

    [Fact]
    public async Task StartAsync_AzuriteAlreadyRunning_ReusesIt()
    {
        var logs = new LogSink();
        await using var launcher = CreateLauncher(logs, new AzuriteOptions
        {
            BlobPort = azurite.Endpoints.BlobPort,
            QueuePort = azurite.Endpoints.QueuePort,
            TablePort = azurite.Endpoints.TablePort,
        });

        var endpoints = await launcher.StartAsync().WaitAsync(Timeout);
        var again = await launcher.StartAsync().WaitAsync(Timeout);

        Assert.Equal(azurite.Endpoints, endpoints);
        Assert.Same(endpoints, again);
        Assert.False(launcher.StartedProcess);
    }

    [Fact]
    public async Task StartAsync_PortTaken_NamesPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var acceptLoop = CloseConnectionsAsync(listener);
        await using var launcher = CreateLauncher(new LogSink(), new AzuriteOptions
        {
            BlobPort = port, QueuePort = azurite.Endpoints.QueuePort, TablePort = azurite.Endpoints.TablePort,
        });

        var error = await Assert.ThrowsAsync<AzuriteException>(() => launcher.StartAsync().WaitAsync(Timeout));
        listener.Stop();
        await acceptLoop.WaitAsync(Timeout);

        Assert.Contains($"Port {port} on 127.0.0.1 is in use by a program that is not Azurite", error.Message);
        Assert.False(launcher.StartedProcess);
    }

    [Fact]
    public async Task StartAsync_ToolDirectoryWithoutPackage_NamesKey()
    {
        string empty = Path.Combine(Path.GetTempPath(), "hyperrephub-launcher-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        await using var launcher = CreateLauncher(new LogSink(), new AzuriteOptions
        {
            ToolDirectory = empty, BlobPort = 0, QueuePort = 0, TablePort = 0,
        });

        var error = await Assert.ThrowsAsync<AzuriteException>(() => launcher.StartAsync().WaitAsync(Timeout));
        Directory.Delete(empty);

        Assert.Contains($"HyperRepHub:Azurite:ToolDirectory '{empty}' has no package.json", error.Message);
        Assert.False(launcher.StartedProcess);
    }

    private static AzuriteLauncher CreateLauncher(LogSink logs, AzuriteOptions options) =>
        new(Options.Create(options), new RecordingLogger<AzuriteLauncher>(logs));

    private static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Timeout);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task CloseConnectionsAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                // Accept and close at once, so the probe gets a connection that ends without an HTTP response.
                using var socket = await listener.AcceptSocketAsync();
                socket.Close();
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The test stopped the listener.
        }
    }
}
