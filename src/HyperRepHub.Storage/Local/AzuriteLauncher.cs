using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HyperRepHub.Storage.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Storage.Local;

/// <summary>
/// Provides a local Azurite on 127.0.0.1: reuses one that already responds on the configured ports, or installs
/// (<c>npm ci</c>) and starts the pinned one, and stops the Azurite it started when disposed.
/// </summary>
public sealed class AzuriteLauncher(IOptions<AzuriteOptions> options, ILogger<AzuriteLauncher> logger)
    : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(200);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AzuriteEndpoints? _endpoints;
    private Process? _process;

    /// <summary>The endpoints after <see cref="StartAsync"/> has returned, or null before.</summary>
    public AzuriteEndpoints? Endpoints => _endpoints;

    /// <summary>Whether this launcher started the Azurite process (false when it reused a running one).</summary>
    public bool StartedProcess => _process is not null;

    /// <summary>Starts Azurite, or reuses a running one, and returns its endpoints. Later calls return the same endpoints.</summary>
    /// <returns>Endpoints whose connection string reaches the blob, queue and table services.</returns>
    /// <exception cref="AzuriteException">Azurite could not be installed or started, or a port is taken.</exception>
    public async Task<AzuriteEndpoints> StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _endpoints ??= await ReuseOrStartAsync(options.Value, cancellationToken);
            return _endpoints;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await StopAsync(process);
        }

        _gate.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<AzuriteEndpoints> ReuseOrStartAsync(AzuriteOptions settings, CancellationToken cancellationToken)
    {
        if (settings.ReuseRunning && settings is { BlobPort: > 0, QueuePort: > 0, TablePort: > 0 })
        {
            var configured = new AzuriteEndpoints(settings.BlobPort, settings.QueuePort, settings.TablePort);
            if (await IsRunningAsync(configured, cancellationToken))
            {
                AzuriteLog.Reusing(logger, configured.BlobPort, configured.TablePort);
                return configured;
            }
        }

        var endpoints = new AzuriteEndpoints(
            PortOrFree(settings.BlobPort), PortOrFree(settings.QueuePort), PortOrFree(settings.TablePort));
        await StartProcessAsync(settings, endpoints, cancellationToken);
        return endpoints;
    }

    private static async Task<bool> IsRunningAsync(AzuriteEndpoints endpoints, CancellationToken cancellationToken)
    {
        var blob = await AzuriteProbe.ProbeAsync(endpoints.BlobPort, "Blob", cancellationToken);
        var table = await AzuriteProbe.ProbeAsync(endpoints.TablePort, "Table", cancellationToken);
        if (blob == PortState.Other || table == PortState.Other)
        {
            int port = blob == PortState.Other ? endpoints.BlobPort : endpoints.TablePort;
            throw new AzuriteException(
                $"Port {port} on 127.0.0.1 is in use by a program that is not Azurite. Stop it, or choose other " +
                $"ports with {AzuriteOptions.SectionName}:BlobPort, :QueuePort and :TablePort.");
        }

        return blob == PortState.Azurite && table == PortState.Azurite;
    }

    private async Task StartProcessAsync(
        AzuriteOptions settings, AzuriteEndpoints endpoints, CancellationToken cancellationToken)
    {
        string toolDirectory = NpmInstaller.FindToolDirectory(settings.ToolDirectory);
        string executable = NpmInstaller.ExecutablePath(toolDirectory);
        if (!File.Exists(executable))
        {
            AzuriteLog.Installing(logger, toolDirectory);
            await NpmInstaller.InstallAsync(toolDirectory, settings.InstallTimeout, cancellationToken);
        }

        string dataDirectory = Path.GetFullPath(settings.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        AzuriteLog.Starting(logger, endpoints.BlobPort, endpoints.QueuePort, endpoints.TablePort, dataDirectory);
        var process = Process.Start(CreateStartInfo(executable, endpoints, dataDirectory))
            ?? throw new AzuriteException($"Could not start {executable}.");
        var output = new ProcessOutputTail(process);
        _process = process;
        try
        {
            await WaitUntilReadyAsync(process, output, endpoints, settings.StartTimeout, cancellationToken);
        }
        catch
        {
            _process = null;
            await StopAsync(process);
            throw;
        }

        AzuriteLog.Started(logger, process.Id);
    }

    private async Task WaitUntilReadyAsync(Process process, ProcessOutputTail output, AzuriteEndpoints endpoints,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            while (!await IsRunningAsync(endpoints, timeoutSource.Token))
            {
                if (process.HasExited)
                {
                    AzuriteLog.StartFailed(logger, output.Text);
                    throw new AzuriteException(
                        $"Azurite exited with code {process.ExitCode} before responding:\n{output.Text}");
                }

                await Task.Delay(ProbeInterval, timeoutSource.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            AzuriteLog.StartFailed(logger, output.Text);
            throw new AzuriteException($"Azurite did not respond within {timeout}:\n{output.Text}");
        }
    }

    private static ProcessStartInfo CreateStartInfo(string executable, AzuriteEndpoints endpoints, string dataDirectory)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--blobHost", "127.0.0.1", "--blobPort", Format(endpoints.BlobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Format(endpoints.QueuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Format(endpoints.TablePort),
            // Azure.Storage.Blobs 12.30.1 sends API version 2026-10-06, and Azurite 3.37.0 accepts up to 2026-06-06.
            "--skipApiVersionCheck",
            "--location", dataDirectory,
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private async Task StopAsync(Process process)
    {
        int processId = process.Id;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }

        process.Dispose();
        AzuriteLog.Stopped(logger, processId);
    }

    private static int PortOrFree(int port)
    {
        if (port > 0)
        {
            return port;
        }

        // NOTE: another program may take the port between this check and Azurite binding it. Azurite then
        // exits and StartAsync reports its output.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Format(int port) => port.ToString(CultureInfo.InvariantCulture);
}
