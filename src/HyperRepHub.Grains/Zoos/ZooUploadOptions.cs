namespace HyperRepHub.Grains.Zoos;

/// <summary>Limits on zoo uploads, bound to the <c>HyperRepHub:Zoos</c> configuration section.</summary>
public sealed class ZooUploadOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "HyperRepHub:Zoos";

    /// <summary>
    /// Largest accepted checkpoint file in bytes. Default 64 MiB, far above CNN-l's 43 KB of float32 weights.
    /// </summary>
    public long MaxCheckpointBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest accepted zoo archive (tar or zip) in bytes. Default 4 GiB.</summary>
    public long MaxArchiveBytes { get; set; } = 4L * 1024 * 1024 * 1024;
}
