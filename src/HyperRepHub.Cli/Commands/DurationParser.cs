using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// Parses durations written as numbers with units (<c>500ms</c>, <c>90s</c>, <c>10m</c>, <c>1h30m</c>) or as a
/// .NET time span (<c>00:10:00</c>).
/// </summary>
public static partial class DurationParser
{
    /// <summary>Parses <paramref name="text"/>; returns false for other text and for negative durations.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (UnitsPattern().Match(text.Trim()) is { Success: true } match)
        {
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var unitMatch = PartPattern().Match(part.Value);
                double value = double.Parse(unitMatch.Groups["value"].Value, CultureInfo.InvariantCulture);
                duration += unitMatch.Groups["unit"].Value switch
                {
                    "ms" => TimeSpan.FromMilliseconds(value),
                    "s" => TimeSpan.FromSeconds(value),
                    "m" => TimeSpan.FromMinutes(value),
                    _ => TimeSpan.FromHours(value),
                };
            }

            return true;
        }

        // A bare number would parse as days, so the time-span form must contain a colon.
        return text.Contains(':', StringComparison.Ordinal) &&
            TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
    }

    /// <summary>A <c>CustomParser</c> for an option that takes a positive duration.</summary>
    public static TimeSpan? ParsePositive(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (TryParse(text, out var duration) && duration > TimeSpan.Zero)
        {
            return duration;
        }

        string name = result.Parent is OptionResult option ? option.Option.Name : "the duration";
        result.AddError($"Invalid {name} '{text}': pass a positive duration such as 90s, 10m, 1h30m or 00:10:00.");
        return null;
    }

    [GeneratedRegex(@"^(?<part>\d+(?:\.\d+)?(?:ms|h|m|s))+$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitsPattern();

    [GeneratedRegex(@"^(?<value>\d+(?:\.\d+)?)(?<unit>ms|h|m|s)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}
