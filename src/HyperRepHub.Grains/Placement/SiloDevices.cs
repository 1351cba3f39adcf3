namespace HyperRepHub.Grains.Placement;

/// <summary>The device names a silo advertises in its metadata under <see cref="MetadataKey"/>.</summary>
public static class SiloDevices
{
    /// <summary>Silo metadata key of the device the silo's TorchSharp runs on.</summary>
    public const string MetadataKey = "hyperrephub.device";

    /// <summary>The silo computes on CPU.</summary>
    public const string Cpu = "cpu";

    /// <summary>The silo has a CUDA device that TorchSharp can use.</summary>
    public const string Cuda = "cuda";
}
