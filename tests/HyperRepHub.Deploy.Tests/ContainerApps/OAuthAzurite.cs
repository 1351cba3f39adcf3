using System.Diagnostics;
using System.Globalization;
using HyperRepHub.Deploy.Tests.Support;

namespace HyperRepHub.Deploy.Tests.ContainerApps;

/// <summary>
/// Azurite over HTTPS with bearer-token authentication (<c>--oauth basic</c>), as close to a storage account
/// without shared keys as the emulator gets. Azurite checks each token's issuer, audience and lifetime but not its
/// signature, and accepts OAuth only over HTTPS.
/// </summary>
internal sealed class OAuthAzurite : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;

    private OAuthAzurite(Process process, OutputLog output, int blobPort, int tablePort)
    {
        _process = process;
        Output = output;
        BlobServiceUri = $"https://127.0.0.1:{blobPort}/devstoreaccount1";
        TableServiceUri = $"https://127.0.0.1:{tablePort}/devstoreaccount1";
    }

    public string BlobServiceUri { get; }

    public string TableServiceUri { get; }

    public OutputLog Output { get; }

    /// <summary>Starts Azurite from tools/azurite (installed by scripts/setup.sh) on free ports.</summary>
    public static async Task<OAuthAzurite> StartAsync(string dataDirectory, TestCertificate certificate)
    {
        var executable = Path.Combine(RepositoryPaths.Root, "tools", "azurite", "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException(
                $"Azurite is not installed at {executable}; run scripts/setup.sh (or npm ci in tools/azurite).");
        }

        int blobPort = FreePort.Next(), queuePort = FreePort.Next(), tablePort = FreePort.Next();
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--blobHost", "127.0.0.1", "--blobPort", Format(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Format(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Format(tablePort),
            "--cert", certificate.CertificatePath, "--key", certificate.KeyPath, "--oauth", "basic",
            // Azure.Storage.Blobs 12.30 sends API version 2026-10-06; Azurite 3.37.0 accepts versions up to 2026-06-06.
            "--skipApiVersionCheck",
            "--location", dataDirectory,
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Failed to start {executable}.");
        var output = new OutputLog(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new OAuthAzurite(process, output, blobPort, tablePort);
        try
        {
            // Blob, queue and table each print one line once they accept connections.
            await output.WaitForAsync("successfully listening", StartTimeout, count: 3);
        }
        catch (TimeoutException)
        {
            await azurite.DisposeAsync();
            throw new TimeoutException($"Azurite did not start within {StartTimeout}:\n{output.Text}");
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        _process.Dispose();
    }

    private static string Format(int port) => port.ToString(CultureInfo.InvariantCulture);
}
