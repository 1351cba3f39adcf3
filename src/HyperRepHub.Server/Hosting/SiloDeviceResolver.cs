using HyperRepHub.Grains.Placement;
using static TorchSharp.torch;

namespace HyperRepHub.Server.Hosting;

/// <summary>Turns the <c>HyperRepHub:Silo:Device</c> setting into the device this silo advertises.</summary>
internal static class SiloDeviceResolver
{
    public const string Auto = "auto";

    /// <summary>Returns <c>cpu</c> or <c>cuda</c>; <c>auto</c> queries TorchSharp for CUDA.</summary>
    /// <exception cref="InvalidOperationException">The setting is not cpu, cuda or auto.</exception>
    public static string Resolve(string setting) => setting.Trim().ToLowerInvariant() switch
    {
        SiloDevices.Cpu => SiloDevices.Cpu,
        SiloDevices.Cuda => SiloDevices.Cuda,
        Auto => cuda.is_available() ? SiloDevices.Cuda : SiloDevices.Cpu,
        _ => throw new InvalidOperationException(
            $"Invalid HyperRepHub:Silo:Device '{setting}': use 'cpu', 'cuda' or 'auto'."),
    };
}
