using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using HyperRepHub.Grains.Operations;
using HyperRepHub.Grains.Placement;
using HyperRepHub.Storage;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace HyperRepHub.Server.Hosting;

/// <summary>Wires the Orleans silo that the server co-hosts.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Adds one silo: Azure Table clustering and reminders and Azure Blob grain storage, all on the account of
    /// <see cref="StorageOptions"/> (a local Azurite when none is configured), the operation worker pool, the
    /// device placement filter and the Orleans dashboard.
    /// </summary>
    public static IHostApplicationBuilder AddHyperRepHubSilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var cluster = builder.Configuration.GetSection(OrleansSettings.SectionName).Get<OrleansSettings>() ?? new();
        var silo = builder.Configuration.GetSection(SiloSettings.SectionName).Get<SiloSettings>() ?? new();
        var http = builder.Configuration.GetSection(HttpEndpointSettings.SectionName).Get<HttpEndpointSettings>()
            ?? new();
        var device = SiloDeviceResolver.Resolve(silo.Device);

        builder.Services.AddHyperRepHubStorage(builder.Configuration);
        builder.Services.AddOperations();
        builder.Services.AddOptions<OperationOptions>()
            .Bind(builder.Configuration.GetSection(OperationOptions.SectionName));
        builder.UseOrleans(siloBuilder =>
        {
            siloBuilder.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            siloBuilder.Configure<EndpointOptions>(options => ConfigureEndpoints(options, cluster, http));
            siloBuilder.UseAzureStorageClustering(options =>
                options.Configure<TableServiceClient>((settings, client) => settings.TableServiceClient = client));
            siloBuilder.UseAzureTableReminderService(options =>
                options.Configure<TableServiceClient>((settings, client) => settings.TableServiceClient = client));
            siloBuilder.AddAzureBlobGrainStorageAsDefault(options =>
                options.Configure<BlobServiceClient>((settings, client) => settings.BlobServiceClient = client));
            siloBuilder.AddDevicePlacement(device);
            siloBuilder.AddDashboard();
        });
        return builder;
    }

    private static void ConfigureEndpoints(
        EndpointOptions options, OrleansSettings cluster, HttpEndpointSettings http)
    {
        var advertised = ParseAddress(cluster.AdvertisedIPAddress, "Orleans:AdvertisedIPAddress");
        options.AdvertisedIPAddress = advertised;
        options.SiloPort = cluster.SiloPort;
        options.GatewayPort = cluster.GatewayPort;

        // Containers bind every interface but advertise their own address; elsewhere listen where we advertise.
        var listen = ParseAddress(http.BindAddress, "HyperRepHub:Http:BindAddress").Equals(IPAddress.Any)
            ? IPAddress.Any
            : advertised;
        options.SiloListeningEndpoint = new IPEndPoint(listen, cluster.SiloPort);
        options.GatewayListeningEndpoint = new IPEndPoint(listen, cluster.GatewayPort);
    }

    internal static IPAddress ParseAddress(string value, string key) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException(
                $"Invalid {key} '{value}': expected an IP address such as 127.0.0.1.");
}
