namespace HyperRepHub.Grains.Zoos;

/// <summary>Persistent state of a <see cref="ZooGrain"/>: metadata only, never weights.</summary>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.Zoos.ZooState")]
public sealed class ZooState
{
    /// <summary>What the zoo was created with; null until created.</summary>
    [Id(0)] public ZooDefinition? Definition { get; set; }

    /// <summary>Stored checkpoints keyed by <see cref="KeyOf"/>.</summary>
    [Id(1)] public Dictionary<string, ZooCheckpoint> Checkpoints { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When the zoo was created.</summary>
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The operation training this zoo, if any.</summary>
    [Id(3)] public string? TrainingOperationId { get; set; }

    /// <summary>The dictionary key of a model's checkpoint at an epoch.</summary>
    public static string KeyOf(string modelId, int epoch) => $"{modelId}/{epoch}";
}
