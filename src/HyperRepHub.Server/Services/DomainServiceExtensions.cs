using HyperRepHub.Grains.HyperRepresentations;
using HyperRepHub.Grains.Operations;
using HyperRepHub.Grains.Populations;
using HyperRepHub.Grains.Zoos;

namespace HyperRepHub.Server.Services;

/// <summary>Registers and maps the zoo, hyper-representation and population gRPC services.</summary>
public static class DomainServiceExtensions
{
    /// <summary>
    /// Registers the checkpoint importer and the <see cref="ZooUploadOptions"/> (validated at start-up) that the
    /// domain services use. Needs Orleans, gRPC and the checkpoint store.
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
        services.AddSingleton<ZooWeightLoader>();
        services.AddSingleton<HyperRepresentationCache>();
        services.AddSingleton<IPopulationGenerator, PopulationGenerator>();
        services.AddOperationHandler<HyperRepresentationTrainingHandler>();
        services.AddOperationHandler<FineTuneHandler>();
        services.AddOperationHandler<ZooTrainingHandler>();
        services.AddOperationHandler<EnsembleEvaluationHandler>();
        return services;
    }

    /// <summary>Maps the domain gRPC services.</summary>
    public static IEndpointRouteBuilder MapHyperRepHubDomainApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcService<ZooService>();
        endpoints.MapGrpcService<HyperRepresentationService>();
        endpoints.MapGrpcService<PopulationService>();
        return endpoints;
    }
}
