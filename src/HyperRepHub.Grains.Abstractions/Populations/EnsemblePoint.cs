namespace HyperRepHub.Grains.Populations;

/// <summary>Accuracy of an ensemble that averages the softmax outputs of <paramref name="Size"/> models.</summary>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.Populations.EnsemblePoint")]
public sealed record EnsemblePoint([property: Id(0)] int Size, [property: Id(1)] double Accuracy);
