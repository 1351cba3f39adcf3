using HyperRepHub.Grains.Zoos;

namespace HyperRepHub.Server.Services;

/// <summary>Registers and maps the zoo, hyper-representation and population gRPC services.</summary>
public static class DomainServiceExtensions
{
    /// <summary>
    /// Registers the domain services, their error interceptor, the checkpoint importer and the
    /// <see cref="ZooUploadOptions"/> (validated at start-up). Needs Orleans and the checkpoint store.
    /// </summary>
    public static IServiceCollection AddHyperRepHubDomainApi(this IServiceCollection services,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ZooUploadOptions>()
            .Bind(configuration.GetSection(ZooUploadOptions.SectionName))
            .Validate(o => o.MaxCheckpointBytes > 0,
                $"{ZooUploadOptions.SectionName}:{nameof(ZooUploadOptions.MaxCheckpointBytes)} must be positive.")
            .Validate(o => o.MaxArchiveBytes > 0,
                $"{ZooUploadOptions.SectionName}:{nameof(ZooUploadOptions.MaxArchiveBytes)} must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ZooCheckpointImporter>();
        services.AddSingleton<DomainErrorInterceptor>();
        services.AddGrpc()
            .AddServiceOptions<ZooService>(o => o.Interceptors.Add<DomainErrorInterceptor>());
        return services;
    }

    /// <summary>Maps the domain gRPC services.</summary>
    public static IEndpointRouteBuilder MapHyperRepHubDomainApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcService<ZooService>();
        return endpoints;
    }
}
