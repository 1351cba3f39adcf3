using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Demo;

/// <summary>One row of the results table: a population (or the trained zoo) and its accuracy before and after
/// fine-tuning.</summary>
/// <param name="Label">Row name, e.g. S_KDE30 or B_T.</param>
/// <param name="Epoch0">Test accuracy of the generated weights; for B_T the untrained zoo models.</param>
/// <param name="Epoch1">Test accuracy after one epoch of fine-tuning (for B_T, of training).</param>
/// <param name="Ensemble">Accuracy of an ensemble of <see cref="DemoSettings.EnsembleSize"/> models at epoch 0.</param>
/// <param name="Novelty">Mean distance of each generated embedding to its nearest anchor.</param>
public sealed record DemoRow(
    string Label,
    string Description,
    string Dataset,
    AccuracySummaryInfo? Epoch0,
    AccuracySummaryInfo? Epoch1,
    double? Ensemble,
    double? Novelty,
    string PopulationId);

/// <summary>One model's embedding projected to 2-D, for the latent-space plot.</summary>
public sealed record LatentPoint(string ZooId, string ModelId, double X, double Y, double TestAccuracy);

/// <summary>Everything a demo run produced.</summary>
public sealed record DemoResults(
    DemoSettings Settings,
    DateTimeOffset Finished,
    string Hub,
    IReadOnlyList<DemoRow> Rows,
    IReadOnlyList<LatentPoint> Latent,
    IReadOnlyDictionary<string, double> LwlnQuality,
    IReadOnlyDictionary<string, double> MseQuality);
