using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grpc.Core;
using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Commands;

/// <summary>The parsed shared options of one hub command, its output and its error handling.</summary>
internal sealed class HubCommandContext
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private HubCommandContext(ParseResult parseResult)
    {
        ParseResult = parseResult;
        Output = parseResult.InvocationConfiguration.Output;
        Error = parseResult.InvocationConfiguration.Error;
        Json = HubOptions.Get(parseResult, HubOptions.JsonName, false);
        Verbose = HubOptions.Get(parseResult, HubOptions.VerboseName, false);
        HubAddress = HubOptions.Get(parseResult, HubOptions.HubName, HubConnectionOptions.LocalHub.ToString());
        ApiKey = HubOptions.Get<string?>(parseResult, HubOptions.ApiKeyName, null)
            ?? Environment.GetEnvironmentVariable("HYPERREP_API_KEY");
    }

    public ParseResult ParseResult { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public bool Json { get; }

    public bool Verbose { get; }

    public string HubAddress { get; }

    public string? ApiKey { get; }

    /// <summary>Opens a client for the hub in <c>--hub</c>.</summary>
    public HubClient Connect() => new(new HubConnectionOptions(HubConnectionOptions.ParseAddress(HubAddress), ApiKey));

    /// <summary>Returns the value of a command option by name.</summary>
    public T Get<T>(string name, T fallback) => HubOptions.Get(ParseResult, name, fallback);

    /// <summary>Prints <paramref name="value"/> as indented JSON.</summary>
    public void WriteJson<T>(T value) => Output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>
    /// Runs <paramref name="action"/> and returns its exit code. Known errors print one line and return 1; Ctrl+C
    /// returns 130. Stack traces appear only with <c>--verbose</c>.
    /// </summary>
    public static async Task<int> RunAsync(
        ParseResult parseResult, CancellationToken cancellationToken,
        Func<HubCommandContext, CancellationToken, Task<int>> action)
    {
        var context = new HubCommandContext(parseResult);
        try
        {
            return await action(context, cancellationToken);
        }
        catch (Exception error) when (cancellationToken.IsCancellationRequested &&
            error is OperationCanceledException or HubClientException { Status: StatusCode.Cancelled })
        {
            context.Error.WriteLine("Cancelled; operations already started keep running on the hub.");
            return 130;
        }
        catch (Exception error) when (error is HubClientException or IOException or UnauthorizedAccessException
            or FormatException or InvalidCastException or HyperRepHub.Core.Zoos.ZooFormatException)
        {
            context.Error.WriteLine(context.Verbose ? error.ToString() : $"error: {error.Message}");
            return 1;
        }
    }
}
