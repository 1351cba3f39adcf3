using HyperRepHub.Core.Architectures;

namespace HyperRepHub.Core.Zoos;

/// <summary>How to import a zoo made elsewhere.</summary>
/// <param name="Source">The public-layout zoo folder, or a folder of <c>.pt</c>/<c>.pth</c>/<c>.safetensors</c> files.</param>
/// <param name="Destination">The new zoo folder; it must not hold a zoo yet.</param>
/// <param name="Architecture">Architecture every state_dict must match exactly.</param>
/// <param name="Dataset">Name of the dataset the models were trained on.</param>
/// <param name="Name">Name of the new zoo; null uses the source folder's name.</param>
/// <param name="PlainFileEpoch">Epoch recorded for each file of a plain folder (default 0).</param>
public sealed record ZooImportOptions(
    string Source,
    string Destination,
    ArchitectureSpec Architecture,
    string Dataset,
    string? Name = null,
    int PlainFileEpoch = 0);
