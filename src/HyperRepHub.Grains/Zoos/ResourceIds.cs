using System.Text.RegularExpressions;
using HyperRepHub.Grains.Errors;

namespace HyperRepHub.Grains.Zoos;

/// <summary>
/// Checks ids that clients choose. Ids become parts of blob names, so they are restricted to lower-case
/// letters, digits, hyphens and underscores, 3 to 63 characters, starting with a letter or digit.
/// </summary>
public static partial class ResourceIds
{
    /// <summary>Throws InvalidArgument naming <paramref name="field"/> for an invalid <paramref name="id"/>.</summary>
    public static void Validate(string field, string? id)
    {
        if (string.IsNullOrEmpty(id) || !IdPattern().IsMatch(id))
        {
            throw HubException.InvalidArgument(field,
                $"'{id}' is not a valid id; use 3 to 63 lower-case letters, digits, '-' or '_', " +
                "starting with a letter or digit.");
        }
    }

    /// <summary>Creates a new hub-assigned id with a readable prefix, for example <c>pop-3f2a…</c>.</summary>
    public static string Create(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
