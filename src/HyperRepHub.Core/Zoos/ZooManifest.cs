using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Training;

namespace HyperRepHub.Core.Zoos;

/// <summary>
/// The table of contents of a zoo folder, stored as <c>manifest.json</c>: the architecture, the dataset, the split by
/// model, the training configuration and every model's files with their SHA-256.
/// </summary>
/// <param name="FormatVersion">Version of the zoo folder format; this code writes and reads <see cref="CurrentFormatVersion"/>.</param>
/// <param name="Name">Zoo name.</param>
/// <param name="Architecture">Architecture of every model.</param>
/// <param name="Dataset">Name of the dataset the models were trained and tested on.</param>
/// <param name="SplitRatios">How models were assigned to train, validation and test.</param>
/// <param name="Training">Training configuration, or null for an imported zoo whose recipe is unknown.</param>
/// <param name="CompletedEpochs">Epochs every model has completed (resume starts after it).</param>
/// <param name="Summary">Test accuracy over models at the last completed epoch.</param>
/// <param name="Models">The models, in id order.</param>
public sealed record ZooManifest(
    int FormatVersion,
    string Name,
    ArchitectureSpec Architecture,
    string Dataset,
    ZooSplitRatios SplitRatios,
    ZooTrainingConfig? Training,
    int CompletedEpochs,
    ZooSummary? Summary,
    IReadOnlyList<ZooModelEntry> Models)
{
    /// <summary>The format version this code writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>File name of the manifest inside a zoo folder.</summary>
    public const string FileName = "manifest.json";
}
