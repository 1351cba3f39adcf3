using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperRepHub.Core.HyperRepresentations.Storage;

/// <summary>Reads and writes the JSON files of hyper-representation folders, snake_case and indented.</summary>
internal static class JsonFiles
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write<T>(string path, T value) =>
        File.WriteAllText(path, JsonSerializer.Serialize(value, Options));

    public static T Read<T>(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Missing file '{path}'.", path);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"File '{path}' contains JSON null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"File '{path}' is not valid JSON for {typeof(T).Name}: {ex.Message}", ex);
        }
    }
}
