using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace HyperRepHub.Grains.Placement;

/// <summary>Advertises a silo's device and registers the <see cref="PreferDeviceAttribute"/> filter.</summary>
public static class DevicePlacementExtensions
{
    /// <summary>
    /// Advertises <paramref name="device"/> (<c>cpu</c> or <c>cuda</c>) as this silo's
    /// <see cref="SiloDevices.MetadataKey"/> metadata and registers the device placement filter.
    /// </summary>
    public static ISiloBuilder AddDevicePlacement(this ISiloBuilder builder, string device)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (device is not (SiloDevices.Cpu or SiloDevices.Cuda))
        {
            throw new ArgumentException(
                $"Invalid silo device '{device}': use '{SiloDevices.Cpu}' or '{SiloDevices.Cuda}'.", nameof(device));
        }

        builder.UseSiloMetadata(new Dictionary<string, string> { [SiloDevices.MetadataKey] = device });
        builder.Services.AddPlacementFilter<PreferDevicePlacementFilterStrategy, PreferDevicePlacementFilterDirector>(
            ServiceLifetime.Singleton);
        return builder;
    }
}
