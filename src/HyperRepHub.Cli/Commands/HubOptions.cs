using System.CommandLine;
using System.Globalization;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// Options every hub command takes, and a look-up by name that also finds an option of the same name that a local
/// command declared first (see <see cref="HubCommandMerger"/>).
/// </summary>
internal static class HubOptions
{
    public const string HubName = "--hub";
    public const string ApiKeyName = "--api-key";
    public const string JsonName = "--json";
    public const string VerboseName = "--verbose";

    /// <summary>Creates fresh instances of the shared options; an option instance belongs to one command.</summary>
    public static IEnumerable<Option> Create()
    {
        yield return new Option<string>(HubName)
        {
            Description = "gRPC address of the hub; $HYPERREP_HUB sets the default.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HYPERREP_HUB") ?? "http://127.0.0.1:5080",
        };
        yield return new Option<string?>(ApiKeyName)
        {
            Description = "API key sent as 'authorization: Bearer KEY' (default: $HYPERREP_API_KEY, or none).",
        };
        yield return CommonOptions.Json();
        yield return new Option<bool>(VerboseName) { Description = "Print stack traces of errors." };
    }

    /// <summary>Adds <paramref name="options"/> and the shared hub options to <paramref name="command"/>.</summary>
    public static Command With(this Command command, params Option[] options)
    {
        foreach (var option in options.Concat(Create()))
        {
            command.Options.Add(option);
        }

        return command;
    }

    /// <summary>
    /// Returns the value of the option named <paramref name="name"/> on the parsed command, or
    /// <paramref name="fallback"/> when the command has no such option or it was not given and has no default.
    /// </summary>
    public static T Get<T>(ParseResult parseResult, string name, T fallback)
    {
        var option = parseResult.CommandResult.Command.Options.FirstOrDefault(o => o.Name == name);
        switch (option)
        {
            case null:
                return fallback;
            case Option<T> typed:
                return parseResult.GetValue(typed) ?? fallback;
        }

        var token = parseResult.GetResult(option)?.Tokens.LastOrDefault()?.Value;
        if (token is null)
        {
            return fallback;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(token, target, CultureInfo.InvariantCulture);
    }
}
