namespace HyperRepHub.Core.Checkpoints;

/// <summary>The weights of one checkpoint, flattened in <see cref="Architectures.WeightLayout"/> order.</summary>
/// <param name="Weights">One value per parameter: per layer the weight in PyTorch layout, then the bias.</param>
/// <param name="Metadata">The file's <c>__metadata__</c> strings, empty when it has none.</param>
public sealed record CheckpointWeights(float[] Weights, IReadOnlyDictionary<string, string> Metadata);
