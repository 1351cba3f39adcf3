using HyperRepHub.Storage.Local;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Storage.Tests.Infrastructure;

/// <summary>
/// Starts one Azurite for the test collection on free loopback ports, with data in a temporary folder, so parallel
/// test runs never share an emulator.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), "hyperrephub-storage-tests", Guid.NewGuid().ToString("N"));

    public AzuriteFixture()
    {
        var options = new AzuriteOptions
        {
            DataDirectory = _dataDirectory,
            BlobPort = 0,
            QueuePort = 0,
            TablePort = 0,
            ReuseRunning = false,
        };
        Launcher = new AzuriteLauncher(Options.Create(options), new RecordingLogger<AzuriteLauncher>(Logs));
    }

    public LogSink Logs { get; } = new();

    public AzuriteLauncher Launcher { get; }

    public AzuriteEndpoints Endpoints => Launcher.Endpoints
        ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() => await Launcher.StartAsync().WaitAsync(TimeSpan.FromMinutes(6));

    public async Task DisposeAsync()
    {
        await Launcher.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
