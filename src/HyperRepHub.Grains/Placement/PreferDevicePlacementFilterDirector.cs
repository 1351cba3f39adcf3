using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace HyperRepHub.Grains.Placement;

/// <summary>
/// Keeps the silos whose <see cref="SiloDevices.MetadataKey"/> metadata equals the preferred device; when none
/// does, keeps every candidate, so placement falls back to cpu silos instead of failing.
/// </summary>
internal sealed class PreferDevicePlacementFilterDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(
        PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        if (filterStrategy is not PreferDevicePlacementFilterStrategy strategy)
        {
            throw new ArgumentException(
                $"Expected a {nameof(PreferDevicePlacementFilterStrategy)}.", nameof(filterStrategy));
        }

        var candidates = silos.ToList();
        var preferred = candidates.Where(silo => HasDevice(silo, strategy.Device)).ToList();
        return preferred.Count > 0 ? preferred : candidates;
    }

    private bool HasDevice(SiloAddress silo, string device) =>
        metadata.GetSiloMetadata(silo).Metadata.TryGetValue(SiloDevices.MetadataKey, out var value)
        && string.Equals(value, device, StringComparison.OrdinalIgnoreCase);
}
