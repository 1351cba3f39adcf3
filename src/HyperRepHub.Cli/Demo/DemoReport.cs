using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Demo;

/// <summary>Renders the demo's results: the Markdown table, the JSON document and the PNG figures.</summary>
public static class DemoReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// Renders the results table: per method, epoch 0 and epoch 1 accuracy as mean ± std, ensemble and novelty.
    /// </summary>
    public static string ToMarkdown(DemoResults results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# HyperRepHub demo results ({results.Settings.Prefix})");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Hub {results.Hub}, finished {results.Finished:yyyy-MM-dd HH:mm} UTC. Zoo: {results.Settings.ZooModels} "
            + $"CNN-s models, {results.Settings.ZooEpochs} epochs; populations of {results.Settings.PopulationSize}; "
            + $"ensembles of {results.Settings.EnsembleSize}.");
        text.AppendLine();
        var ensembleHeader = $"Ensemble of {results.Settings.EnsembleSize}";
        text.AppendLine($"| Method | Dataset | Epoch 0 | Epoch 1 | {ensembleHeader} | Novelty | Description |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in results.Rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Label} | {row.Dataset} | {Format(row.Epoch0)} | {Format(row.Epoch1)} | "
                + $"{Percent(row.Ensemble)} | {Number(row.Novelty)} | {row.Description} |");
        }

        text.AppendLine();
        AppendQuality(text, "LWLN", results.LwlnQuality);
        AppendQuality(text, "plain MSE", results.MseQuality);
        return text.ToString();
    }

    /// <summary>The results as indented JSON.</summary>
    public static string ToJson(DemoResults results) => JsonSerializer.Serialize(results, JsonOptions);

    /// <summary>Writes results.md, results.json, accuracy.png and latent.png; returns their paths.</summary>
    public static IReadOnlyList<string> Write(DemoResults results, string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new (string Name, byte[] Content)[]
        {
            ("results.md", Encoding.UTF8.GetBytes(ToMarkdown(results))),
            ("results.json", Encoding.UTF8.GetBytes(ToJson(results))),
            ("accuracy.png", DemoPlots.AccuracyBoxes(results.Rows).ToPng()),
            ("latent.png", DemoPlots.Latent(results.Latent).ToPng()),
        };
        foreach (var (name, content) in files)
        {
            File.WriteAllBytes(Path.Combine(directory, name), content);
        }

        return files.Select(file => Path.Combine(directory, file.Name)).ToList();
    }

    /// <summary>Formats a summary as "mean ± std %" with one decimal, or "n/a".</summary>
    public static string Format(AccuracySummaryInfo? summary) => summary is null
        ? "n/a"
        : string.Create(CultureInfo.InvariantCulture, $"{summary.Mean * 100:F1} ± {summary.Std * 100:F1}%");

    private static string Percent(double? value) =>
        value is null ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{value * 100:F1}%");

    private static string Number(double? value) =>
        value is null ? "n/a" : value.Value.ToString("G3", CultureInfo.InvariantCulture);

    private static void AppendQuality(StringBuilder text, string name, IReadOnlyDictionary<string, double> quality)
    {
        if (quality.Count == 0)
        {
            return;
        }

        var figures = string.Join(", ", quality.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} {pair.Value:G4}")));
        text.AppendLine(CultureInfo.InvariantCulture, $"Hyper-representation ({name}): {figures}.");
        text.AppendLine();
    }
}
