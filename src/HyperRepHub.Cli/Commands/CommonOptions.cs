using System.CommandLine;
using HyperRepHub.Core.Datasets;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// Creates the options that many commands take, so each keeps one name, type and wording. An option instance
/// belongs to one command, so every call returns a new one.
/// </summary>
internal static class CommonOptions
{
    /// <summary><c>--json</c>: print <paramref name="printed"/> as JSON in place of text.</summary>
    public static Option<bool> Json(string printed = "the result") =>
        new("--json") { Description = $"Print {printed} as JSON." };

    /// <summary><c>--seed</c> of <paramref name="seeded"/>, with a default.</summary>
    public static Option<long> Seed(string seeded, long defaultValue) => new("--seed")
    {
        Description = $"Random seed of {seeded}.",
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary><c>--dataset</c> with a default; the help lists the catalog's names.</summary>
    public static Option<string> Dataset(string purpose, string defaultValue = "mnist") => new("--dataset")
    {
        Description = $"Dataset {purpose}: {DatasetNames}.",
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary>
    /// <c>--dataset</c> without a default; <paramref name="fallback"/> describes what omitting it means.
    /// </summary>
    public static Option<string?> OptionalDataset(string purpose, string fallback) =>
        new("--dataset") { Description = $"Dataset {purpose}: {DatasetNames} ({fallback})." };

    private static string DatasetNames => string.Join(" or ", DatasetCatalog.Names);
}
