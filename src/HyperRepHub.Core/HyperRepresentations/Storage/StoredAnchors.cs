namespace HyperRepHub.Core.HyperRepresentations.Storage;

/// <summary>The JSON part of stored anchors; the embeddings themselves are in <c>anchors.safetensors</c>.</summary>
internal sealed record StoredAnchors(IReadOnlyList<string> ModelIds, IReadOnlyList<int> Epochs,
    IReadOnlyList<double> Accuracies);
