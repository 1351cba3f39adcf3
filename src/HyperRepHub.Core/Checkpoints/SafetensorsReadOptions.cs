namespace HyperRepHub.Core.Checkpoints;

/// <summary>Limits that apply while reading an untrusted safetensors file.</summary>
public sealed record SafetensorsReadOptions
{
    /// <summary>The default options.</summary>
    public static SafetensorsReadOptions Default { get; } = new();

    /// <summary>
    /// Largest accepted JSON header in bytes. Default: 1 MiB, room for about ten thousand tensor entries. The
    /// safetensors format itself caps the header at 100 MB.
    /// </summary>
    public int MaxHeaderBytes { get; init; } = 1024 * 1024;
}
