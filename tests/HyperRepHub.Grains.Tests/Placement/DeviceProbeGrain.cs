using HyperRepHub.Grains.Placement;

namespace HyperRepHub.Grains.Tests.Placement;

public interface IDeviceProbeGrain : IGrainWithIntegerKey
{
    Task<string> GetSiloAsync();
}

/// <summary>A grain that prefers cuda silos and reports where it was placed.</summary>
[PreferDevice(SiloDevices.Cuda)]
public sealed class DeviceProbeGrain(ILocalSiloDetails silo) : Grain, IDeviceProbeGrain
{
    public Task<string> GetSiloAsync() => Task.FromResult(silo.SiloAddress.ToParsableString());
}
