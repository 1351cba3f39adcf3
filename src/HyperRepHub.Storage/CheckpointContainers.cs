namespace HyperRepHub.Storage;

/// <summary>The blob containers the hub writes, one per kind of resource.</summary>
public static class CheckpointContainers
{
    /// <summary>Uploaded or trained zoo checkpoints and zoo manifests.</summary>
    public const string Zoos = "zoos";

    /// <summary>Hyper-representation checkpoints and embeddings.</summary>
    public const string HyperRepresentations = "hyperreps";

    /// <summary>Generated population weights and fine-tuning checkpoints.</summary>
    public const string Populations = "populations";
}
