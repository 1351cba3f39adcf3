namespace HyperRepHub.Server.Hosting;

/// <summary>Orleans cluster settings, section <c>Orleans</c>.</summary>
public sealed class OrleansSettings
{
    /// <summary>The configuration section these settings bind to.</summary>
    public const string SectionName = "Orleans";

    /// <summary>Cluster id; silos with the same id form one cluster. Default <c>hyperrephub-local</c>.</summary>
    public string ClusterId { get; set; } = "hyperrephub-local";

    /// <summary>
    /// Service id. Grain state and reminders are stored under it, so keep it across deployments. Default
    /// <c>hyperrephub</c>.
    /// </summary>
    public string ServiceId { get; set; } = "hyperrephub";

    /// <summary>Silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Address other silos use to reach this one. Default <c>127.0.0.1</c>; without it Orleans would advertise the
    /// first non-loopback address.
    /// </summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";
}

/// <summary>This silo's settings, section <c>HyperRepHub:Silo</c>.</summary>
public sealed class SiloSettings
{
    /// <summary>The configuration section these settings bind to.</summary>
    public const string SectionName = "HyperRepHub:Silo";

    /// <summary>
    /// Device advertised as silo metadata: <c>cpu</c>, <c>cuda</c>, or <c>auto</c> to ask TorchSharp at start-up.
    /// Default <c>auto</c>.
    /// </summary>
    public string Device { get; set; } = "auto";
}
