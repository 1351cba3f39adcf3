using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.HyperRepresentations;
using HyperRepHub.Core.HyperRepresentations.Quality;
using HyperRepHub.Core.HyperRepresentations.Training;
using HyperRepHub.Core.Zoos;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep hyper-rep report DIR</c>: reconstructs the zoo's test split and prints R² overall and per layer and
/// the test accuracy of reconstructed models against the originals, with a verdict.
/// </summary>
internal static class HyperRepReportCommand
{
    private static readonly Argument<DirectoryInfo> FolderArgument = new("folder")
    {
        Description = "Folder of a saved hyper-representation (the --out of 'hyperrep hyper-rep train').",
    };

    private static readonly Option<DirectoryInfo?> ZooOption = new("--zoo")
    {
        Description = "Zoo folder whose test split to reconstruct (default: the zoo recorded in training.json).",
    };

    private static readonly Option<DirectoryInfo?> BaselineOption = new("--baseline")
    {
        Description = "Folder of a hyper-representation trained with --no-lwln, reported beside this one.",
    };

    private static readonly Option<string?> DatasetOption =
        CommonOptions.OptionalDataset("to measure accuracy on", "default: the zoo's dataset");

    private static readonly Option<bool> JsonOption = CommonOptions.Json("the report");

    public static Command Create()
    {
        var command = new Command("report",
            "Report how well a hyper-representation reconstructs the zoo's test split. Exits with 0 when the " +
            "reconstructions work (verdict Good or Degraded), 2 when they are at chance and 1 on an error.");
        command.Arguments.Add(FolderArgument);
        command.Options.Add(ZooOption);
        command.Options.Add(BaselineOption);
        command.Options.Add(DatasetOption);
        command.Options.Add(JsonOption);
        command.SetAction(parseResult => Run(parseResult));
        return command;
    }

    private static int Run(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            string folder = parseResult.GetValue(FolderArgument)!.FullName;
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"Hyper-representation folder '{folder}' does not exist.");
            }

            HyperRepresentationFolder.ThrowIfUnfinished(folder);
            if (!File.Exists(Path.Combine(folder, HyperRepresentationFolder.ModelFile)))
            {
                throw new FileNotFoundException($"'{folder}' is not a saved hyper-representation (it has no " +
                    $"{HyperRepresentationFolder.ModelFile}); give the --out folder of 'hyperrep hyper-rep train'.");
            }

            var record = TrainingRecord.TryLoad(folder);
            string zooPath = parseResult.GetValue(ZooOption)?.FullName ?? record?.Zoo ?? throw new ArgumentException(
                $"'{folder}' has no {TrainingRecord.FileName}; give the zoo with --zoo.");
            var zoo = Zoo.Open(zooPath);
            var data = ZooTrainingData.Load(zoo, record?.Epochs);
            var test = data.Test!;
            var dataset = DatasetCatalog.Load(parseResult.GetValue(DatasetOption) ?? zoo.Manifest.Dataset).Test;
            using var hyperRepresentation = HyperRepresentationFolder.Load(folder);
            string? baselinePath = parseResult.GetValue(BaselineOption)?.FullName;
            using var baseline = baselinePath is null ? null : HyperRepresentationFolder.Load(baselinePath);
            var report = QualityEvaluator.Evaluate(hyperRepresentation, test, dataset, baseline, data.Train);
            output.WriteLine(parseResult.GetValue(JsonOption)
                ? JsonSerializer.Serialize(report, HyperRepJson.Options)
                : Format(report, zoo.Architecture.Layout.Layers.Select(l => l.LayerIndex).ToArray()));
            return report.Verdict == QualityVerdict.AtChance ? 2 : 0;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or ZooFormatException
            or InvalidDataException or DatasetNotFoundException or DatasetFormatException)
        {
            error.WriteLine($"Report failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Formats a report as aligned text, with the baseline in a second column when present.</summary>
    internal static string Format(QualityReport report, IReadOnlyList<int> layerIndices)
    {
        var text = new StringBuilder();
        var baseline = report.Baseline;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Test checkpoints: {report.TestCheckpoints}    chance accuracy: {report.ChanceAccuracy:P1}");
        text.AppendLine(Row("", "LWLN", baseline is null ? null : "baseline (no LWLN)"));
        text.AppendLine(Row("R² (all weights)", $"{report.R2:F4}", baseline is null ? null : $"{baseline.R2:F4}"));
        for (int i = 0; i < report.LayerR2.Count; i++)
        {
            text.AppendLine(Row($"R² layer {layerIndices[i]}", $"{report.LayerR2[i]:F4}",
                baseline is null ? null : $"{baseline.LayerR2[i]:F4}"));
        }

        text.AppendLine(Row("original accuracy", Percent(report.OriginalAccuracy),
            baseline is null ? null : Percent(baseline.OriginalAccuracy)));
        text.AppendLine(Row("reconstructed accuracy", Percent(report.ReconstructedAccuracy),
            baseline is null ? null : Percent(baseline.ReconstructedAccuracy)));
        text.AppendLine(Row("retention", Percent(report.AccuracyRetention),
            baseline is null ? null : Percent(baseline.AccuracyRetention)));
        AppendTraining(text, report, baseline);
        text.AppendLine(CultureInfo.InvariantCulture, $"Verdict: {report.Verdict}. {report.Summary}");
        if (baseline is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Baseline: {baseline.Verdict}. {baseline.Summary}");
        }

        return text.ToString().TrimEnd();
    }

    private static void AppendTraining(StringBuilder text, QualityReport report, QualityReport? baseline)
    {
        if (report.Training is not { } training)
        {
            return;
        }

        var other = baseline?.Training;
        text.AppendLine(CultureInfo.InvariantCulture, $"Training split ({training.Checkpoints} checkpoints):");
        text.AppendLine(Row("R² (all weights)", $"{training.R2:F4}", other is null ? null : $"{other.R2:F4}"));
        text.AppendLine(Row("original accuracy", Percent(training.OriginalAccuracy),
            other is null ? null : Percent(other.OriginalAccuracy)));
        text.AppendLine(Row("reconstructed accuracy", Percent(training.ReconstructedAccuracy),
            other is null ? null : Percent(other.ReconstructedAccuracy)));
        if (report.LinearR2 is double linear)
        {
            text.AppendLine(Row("linear code, test R²", $"{linear:F4}", null));
        }
    }

    private static string Row(string label, string value, string? baseline) =>
        baseline is null ? $"{label,-24}{value,12}" : $"{label,-24}{value,12}{baseline,22}";

    private static string Percent(double? value) =>
        value is double v ? v.ToString("P1", CultureInfo.InvariantCulture) : "n/a";
}
