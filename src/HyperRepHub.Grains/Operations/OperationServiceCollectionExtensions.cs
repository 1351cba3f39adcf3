using HyperRepHub.Grains.Operations.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HyperRepHub.Grains.Operations;

/// <summary>Registers the operations framework and operation handlers on a silo.</summary>
public static class OperationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="THandler"/> as the handler of its kind. Every silo that may host operation
    /// grains must register the same handlers.
    /// </summary>
    public static IServiceCollection AddOperationHandler<THandler>(this IServiceCollection services)
        where THandler : class, IOperationHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOperations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOperationHandler, THandler>());
        return services;
    }

    /// <summary>Registers the worker pool and handler registry that operation grains use.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<OperationOptions>().ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<OperationOptions>,
                OperationOptionsValidator>());
        services.TryAddSingleton<OperationHandlerRegistry>();
        services.TryAddSingleton<OperationWorkerPool>();
        return services;
    }
}
