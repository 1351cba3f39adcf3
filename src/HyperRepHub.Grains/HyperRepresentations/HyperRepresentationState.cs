namespace HyperRepHub.Grains.HyperRepresentations;

/// <summary>Persistent state of a <see cref="HyperRepresentationGrain"/>: metadata only, never weights.</summary>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.HyperRepresentations.HyperRepresentationState")]
public sealed class HyperRepresentationState
{
    [Id(0)] public string ZooId { get; set; } = "";

    [Id(1)] public HyperRepresentationSettings Settings { get; set; } = new();

    [Id(2)] public HyperRepresentationStatus Status { get; set; }

    [Id(3)] public string OperationId { get; set; } = "";

    [Id(4)] public Dictionary<string, double> Quality { get; set; } = new(StringComparer.Ordinal);

    [Id(5)] public List<double> LayerStd { get; set; } = [];

    [Id(6)] public string? ModelBlobPrefix { get; set; }

    [Id(7)] public DateTimeOffset CreatedAt { get; set; }

    [Id(8)] public string? Error { get; set; }
}
