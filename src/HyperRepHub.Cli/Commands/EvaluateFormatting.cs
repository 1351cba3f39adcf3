using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HyperRepHub.Core.Evaluation;

namespace HyperRepHub.Cli.Commands;

/// <summary>Text and JSON output shared by the sample, evaluate, ensemble and finetune commands.</summary>
internal static class EvaluateFormatting
{
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Formats a summary as mean ± std with the median, 5-95% range and count, scaled (100 for percentages).</summary>
    public static string Format(SummaryStatistics summary, double scale = 100, string unit = "%") =>
        string.Create(CultureInfo.InvariantCulture,
            $"{summary.Mean * scale:F1} ± {summary.Std * scale:F1}{unit} (median {summary.Median * scale:F1}{unit}, " +
            $"5-95% {summary.Q05 * scale:F1}-{summary.Q95 * scale:F1}{unit}, n = {summary.Count})");
}
