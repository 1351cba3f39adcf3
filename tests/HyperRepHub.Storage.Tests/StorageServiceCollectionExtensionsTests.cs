using Azure.Data.Tables;
using Azure.Storage.Blobs;
using HyperRepHub.Storage.Local;
using HyperRepHub.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class StorageServiceCollectionExtensionsTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly LogSink _logs = new();

    [Fact]
    public async Task AddHyperRepHubStorage_ConnectionString_ReachesAzurite()
    {
        await using var provider = BuildProvider(new()
        {
            ["HyperRepHub:Storage:ConnectionString"] = azurite.Endpoints.ConnectionString,
        });
        var store = provider.GetRequiredService<ICheckpointStore>();
        var tables = provider.GetRequiredService<TableServiceClient>();
        string tableName = $"t{Guid.NewGuid():N}";

        var record = await store.UploadAsync(CheckpointContainers.Zoos, $"di/{Guid.NewGuid():N}.bin",
            new MemoryStream([1, 2, 3])).WaitAsync(Timeout);
        var table = await tables.CreateTableIfNotExistsAsync(tableName).WaitAsync(Timeout);

        Assert.Equal(3, record.Size);
        Assert.Equal(tableName, table.Value.Name);
        Assert.False(provider.GetRequiredService<AzuriteLauncher>().StartedProcess);
        Assert.Empty(_logs.Errors);
    }

    [Fact]
    public async Task AddHyperRepHubStorage_NoAccount_ReusesAzurite()
    {
        await using var provider = BuildProvider(new()
        {
            ["HyperRepHub:Azurite:BlobPort"] = Format(azurite.Endpoints.BlobPort),
            ["HyperRepHub:Azurite:QueuePort"] = Format(azurite.Endpoints.QueuePort),
            ["HyperRepHub:Azurite:TablePort"] = Format(azurite.Endpoints.TablePort),
        });

        var blobs = provider.GetRequiredService<BlobServiceClient>();
        var properties = await blobs.GetPropertiesAsync().WaitAsync(Timeout);
        var launcher = provider.GetRequiredService<AzuriteLauncher>();

        Assert.NotNull(properties.Value);
        Assert.False(launcher.StartedProcess);
        Assert.Equal(azurite.Endpoints, launcher.Endpoints);
        Assert.Contains(_logs.Entries, e => e.EventId.Name == "Reusing");
    }

    [Fact]
    public async Task AddHyperRepHubStorage_ServiceUris_SkipsAzurite()
    {
        await using var provider = BuildProvider(new()
        {
            ["HyperRepHub:Storage:BlobServiceUri"] = "https://account.blob.core.windows.net/",
            ["HyperRepHub:Storage:TableServiceUri"] = "https://account.table.core.windows.net/",
        });

        var blobs = provider.GetRequiredService<BlobServiceClient>();
        var tables = provider.GetRequiredService<TableServiceClient>();
        var launcher = provider.GetRequiredService<AzuriteLauncher>();

        Assert.Equal(new Uri("https://account.blob.core.windows.net/"), blobs.Uri);
        Assert.Equal(new Uri("https://account.table.core.windows.net/"), tables.Uri);
        Assert.Null(launcher.Endpoints);
    }

    [Fact]
    public async Task AddHyperRepHubStorage_InvalidOptions_NamesKey()
    {
        await using var provider = BuildProvider(new()
        {
            ["HyperRepHub:Storage:BlobServiceUri"] = "https://account.blob.core.windows.net",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ICheckpointStore>());

        Assert.Contains("HyperRepHub:Storage:TableServiceUri", error.Message);
    }

    private ServiceProvider BuildProvider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(_logs);
        services.AddSingleton(typeof(ILogger<>), typeof(RecordingLogger<>));
        services.AddHyperRepHubStorage(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private static string Format(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
