namespace HyperRepHub.Core.Zoos;

/// <summary>What the importer did with one model.</summary>
/// <param name="Id">Model id in the new zoo.</param>
/// <param name="Source">Folder or file the model came from.</param>
/// <param name="Epochs">Epochs imported.</param>
/// <param name="Warnings">Checkpoints left out, each with the reason (for example non-finite weights).</param>
public sealed record ImportedModel(string Id, string Source, IReadOnlyList<int> Epochs, IReadOnlyList<string> Warnings);
