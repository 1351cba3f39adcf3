using System.Text.RegularExpressions;

namespace HyperRepHub.Deploy.Tests.Support;

/// <summary>The configuration keys that docs/configuration.md lists in its table.</summary>
internal static partial class ConfigurationDocument
{
    /// <summary>
    /// Returns the first backticked name of each table row's first cell, such as <c>Orleans__ClusterId</c>.
    /// Continuation names like <c>__1</c> (further entries of an indexed key) are not keys of their own.
    /// </summary>
    public static IReadOnlySet<string> ReadKeys(string path)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith("| `", StringComparison.Ordinal))
            {
                continue;
            }

            var firstCell = line.Split('|', StringSplitOptions.TrimEntries)[1];
            var key = BacktickedName().Match(firstCell).Groups[1].Value;
            if (!key.StartsWith("__", StringComparison.Ordinal))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex BacktickedName();
}
