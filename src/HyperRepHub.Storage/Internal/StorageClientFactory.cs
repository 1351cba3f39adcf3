using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using HyperRepHub.Storage.Local;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Storage.Internal;

/// <summary>Creates the blob and table clients for the configured account, or for the local Azurite.</summary>
internal sealed class StorageClientFactory(IOptions<StorageOptions> options, AzuriteLauncher launcher)
{
    private readonly Lazy<TokenCredential> _credential = new(() => new DefaultAzureCredential());

    public BlobServiceClient CreateBlobServiceClient()
    {
        var settings = options.Value;
        return ResolveConnectionString(settings) is { } connectionString
            ? new BlobServiceClient(connectionString)
            : new BlobServiceClient(new Uri(settings.BlobServiceUri!), _credential.Value);
    }

    public TableServiceClient CreateTableServiceClient()
    {
        var settings = options.Value;
        return ResolveConnectionString(settings) is { } connectionString
            ? new TableServiceClient(connectionString)
            : new TableServiceClient(new Uri(settings.TableServiceUri!), _credential.Value);
    }

    private string? ResolveConnectionString(StorageOptions settings)
    {
        if (!settings.UsesLocalEmulator)
        {
            return string.IsNullOrWhiteSpace(settings.ConnectionString) ? null : settings.ConnectionString;
        }

        // The generic host and ASP.NET Core have no synchronization context, so this blocking wait cannot
        // deadlock there. StartAsync gives up after AzuriteOptions.StartTimeout (plus InstallTimeout for npm ci).
        return launcher.StartAsync().GetAwaiter().GetResult().ConnectionString;
    }
}
