using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// Gives every whole-number option of a command tree an error that names the option and the expected form, in place
/// of System.CommandLine's message, which names the .NET type ("System.Nullable`1[System.Int32]").
/// </summary>
internal static class WholeNumberOptions
{
    /// <summary>Sets a parser on each <c>int</c> and <c>int?</c> option of <paramref name="command"/> and its subcommands
    /// that has none.</summary>
    public static void Apply(Command command)
    {
        foreach (var option in command.Options)
        {
            if (option is Option<int> { CustomParser: null } plain)
            {
                plain.CustomParser = result => result.Tokens.Count == 0
                    ? plain.DefaultValueFactory?.Invoke(result) ?? 0
                    : Parse(result, plain.Name) ?? 0;
            }
            else if (option is Option<int?> { CustomParser: null } optional)
            {
                optional.CustomParser = result => result.Tokens.Count == 0
                    ? optional.DefaultValueFactory?.Invoke(result)
                    : Parse(result, optional.Name);
            }
        }

        foreach (var subcommand in command.Subcommands)
        {
            Apply(subcommand);
        }
    }

    private static int? Parse(ArgumentResult result, string name)
    {
        string token = result.Tokens[0].Value;
        if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        result.AddError($"Invalid {name} '{token}'; expected a whole number such as 5.");
        return null;
    }
}
