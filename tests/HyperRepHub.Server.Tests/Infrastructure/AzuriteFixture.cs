using HyperRepHub.Storage.Local;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Server.Tests.Infrastructure;

/// <summary>One real Azurite on free loopback ports with its data in a temporary folder, shared by tests.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), "hyperrephub-server-tests", Guid.NewGuid().ToString("N"));

    private AzuriteLauncher? _launcher;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var options = new AzuriteOptions
        {
            DataDirectory = _dataDirectory,
            BlobPort = 0,
            QueuePort = 0,
            TablePort = 0,
            ReuseRunning = false,
        };
        _launcher = new AzuriteLauncher(Options.Create(options), NullLogger<AzuriteLauncher>.Instance);
        var endpoints = await _launcher.StartAsync().WaitAsync(TimeSpan.FromMinutes(6));
        ConnectionString = endpoints.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_launcher is not null)
        {
            await _launcher.DisposeAsync();
        }

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
