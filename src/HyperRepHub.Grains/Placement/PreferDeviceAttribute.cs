using Orleans.Placement;

namespace HyperRepHub.Grains.Placement;

/// <summary>
/// Places the grain class on silos that advertise <paramref name="device"/> when the cluster has any, and on the
/// other silos otherwise; it never leaves a grain without a silo. Register the filter with
/// <see cref="DevicePlacementExtensions.AddDevicePlacement"/> on every silo.
/// </summary>
/// <param name="device">A device from <see cref="SiloDevices"/>, for example <c>cuda</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PreferDeviceAttribute(string device)
    : PlacementFilterAttribute(new PreferDevicePlacementFilterStrategy(device));
