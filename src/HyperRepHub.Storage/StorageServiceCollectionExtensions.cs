using Azure.Data.Tables;
using Azure.Storage.Blobs;
using HyperRepHub.Storage.Internal;
using HyperRepHub.Storage.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Storage;

/// <summary>Registers HyperRepHub's storage services.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> (validated at start-up) and <see cref="AzuriteOptions"/>, and registers a
    /// <see cref="BlobServiceClient"/>, a <see cref="TableServiceClient"/> and the <see cref="ICheckpointStore"/>.
    /// With no account configured, resolving either client starts or reuses a local Azurite, which the container
    /// stops when it is disposed.
    /// </summary>
    public static IServiceCollection AddHyperRepHubStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.AddOptions<AzuriteOptions>().Bind(configuration.GetSection(AzuriteOptions.SectionName));

        services.TryAddSingleton<AzuriteLauncher>();
        services.TryAddSingleton<StorageClientFactory>();
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClientFactory>().CreateBlobServiceClient());
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClientFactory>().CreateTableServiceClient());
        services.TryAddSingleton<ICheckpointStore, AzureBlobCheckpointStore>();
        return services;
    }
}
