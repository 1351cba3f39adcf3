using System.CommandLine;
using System.Globalization;
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

    /// <summary>
    /// An option that takes <c>true</c> or <c>false</c>; read it with <see cref="ValueOf"/>, which gives null when it
    /// is omitted. Any other value is an error that names the option. (A bool option would leave the value to the
    /// parser, which reports it as an unrecognised argument.)
    /// </summary>
    public static Option<string?> TrueOrFalse(string name, string description)
    {
        var option = new Option<string?>(name) { HelpName = "true|false", Description = description };
        option.Validators.Add(result =>
        {
            string token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (!bool.TryParse(token, out _))
            {
                result.AddError($"Invalid {name} '{token}'; use true or false.");
            }
        });
        return option;
    }

    /// <summary>The value of a <see cref="TrueOrFalse"/> option, or null when it was not given.</summary>
    public static bool? ValueOf(ParseResult parseResult, Option<string?> option) =>
        parseResult.GetValue(option) is { } value ? bool.Parse(value) : null;

    /// <summary>
    /// An optional number, null when omitted. A value that is not a number is an error naming the option, in place
    /// of System.CommandLine's message with the .NET type name.
    /// </summary>
    public static Option<double?> Number(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            string token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return value;
            }

            result.AddError($"Invalid {name} '{token}'; expected a number such as 0.5.");
            return null;
        },
    };

    /// <summary><c>--threads</c>: libtorch's CPU threads, unset to keep libtorch's own choice.</summary>
    public static Option<int?> Threads() => new("--threads")
    {
        Description = "Threads of libtorch's CPU kernels (default: libtorch's own choice, one per core). On a machine " +
            "shared with other busy processes, 1 can be many times faster.",
    };

    /// <summary>Sets libtorch's CPU threads when <paramref name="threads"/> is given.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is below 1.</exception>
    public static void ApplyThreads(int? threads)
    {
        if (threads is { } count)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, "--threads");
            TorchSharp.torch.set_num_threads(count);
        }
    }

    private static string DatasetNames => string.Join(" or ", DatasetCatalog.Names);
}
