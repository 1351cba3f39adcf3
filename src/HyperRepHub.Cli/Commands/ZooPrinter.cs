using System.Globalization;
using System.Text.Json;
using HyperRepHub.Core.Zoos;

namespace HyperRepHub.Cli.Commands;

/// <summary>Writes a zoo as a table of models or as its manifest's JSON.</summary>
internal static class ZooPrinter
{
    public static void Print(Zoo zoo, bool json, TextWriter output)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(zoo.Manifest, ZooJson.Options));
            return;
        }

        var manifest = zoo.Manifest;
        output.WriteLine($"Zoo '{manifest.Name}': {manifest.Models.Count} models of {manifest.Architecture.Name} " +
            $"({manifest.Architecture.ParameterCount} parameters) on {manifest.Dataset}, " +
            $"preset {manifest.Training?.Preset ?? "unknown (imported)"}, {manifest.CompletedEpochs} epochs complete.");
        output.WriteLine($"{"model",-12} {"split",-10} {"seed",6} {"epoch",5} {"train acc",9} {"test acc",9}");
        foreach (var model in zoo.Models)
        {
            var last = model.Last;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{model.Id,-12} {zoo.SplitOf(model.Id).ToString().ToLowerInvariant(),-10} {model.Seed,6} " +
                $"{last?.Epoch,5} {Percent(last?.TrainAccuracy),9} {Percent(last?.TestAccuracy),9}"));
        }

        if (manifest.Summary is { } summary)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Test accuracy at epoch {summary.Epoch}: mean {summary.MeanTestAccuracy:P2} ± " +
                $"{summary.StdTestAccuracy * 100:F2} points, min {summary.MinTestAccuracy:P2}, " +
                $"max {summary.MaxTestAccuracy:P2} over {summary.Models} models."));
        }
    }

    private static string Percent(double? value) =>
        value is { } v ? v.ToString("P2", CultureInfo.InvariantCulture) : "-";
}
