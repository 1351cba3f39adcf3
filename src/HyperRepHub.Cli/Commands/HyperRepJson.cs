using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperRepHub.Cli.Commands;

/// <summary>JSON settings of every <c>--json</c> output: snake_case names, one object per line.</summary>
internal static class HyperRepJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };
}
