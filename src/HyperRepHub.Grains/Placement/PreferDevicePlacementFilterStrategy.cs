using Orleans.Metadata;
using Orleans.Placement;

namespace HyperRepHub.Grains.Placement;

/// <summary>The device a grain class prefers, stored in the grain's manifest so every silo filters alike.</summary>
public sealed class PreferDevicePlacementFilterStrategy : PlacementFilterStrategy
{
    private const string DeviceProperty = "preferred-device";

    /// <summary>Creates the strategy for <paramref name="device"/>.</summary>
    public PreferDevicePlacementFilterStrategy(string device)
        : base(order: 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        Device = device;
    }

    /// <summary>Creates an empty strategy that Orleans initializes from the grain manifest.</summary>
    public PreferDevicePlacementFilterStrategy()
        : this(SiloDevices.Cpu)
    {
    }

    /// <summary>The preferred device.</summary>
    public string Device { get; private set; }

    /// <inheritdoc />
    public override void AdditionalInitialize(GrainProperties properties) =>
        Device = GetPlacementFilterGrainProperty(DeviceProperty, properties) ?? SiloDevices.Cpu;

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, string>> GetAdditionalGrainProperties(
        IServiceProvider services, Type grainClass, GrainType grainType,
        IReadOnlyDictionary<string, string> existingProperties)
    {
        yield return new(DeviceProperty, Device);
    }
}
