using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperRepHub.Core.Zoos;

/// <summary>The JSON settings of every zoo file: snake_case names, indented, nulls omitted.</summary>
public static class ZooJson
{
    /// <summary>Serializer options shared by manifests, model records and training state.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Reads and deserializes a JSON file.</summary>
    /// <exception cref="ZooFormatException">The file is missing or is not valid JSON for <typeparamref name="T"/>.</exception>
    public static T Read<T>(string path)
    {
        if (!File.Exists(path))
        {
            throw new ZooFormatException($"Missing zoo file '{path}'.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                ?? throw new ZooFormatException($"Zoo file '{path}' contains JSON null.");
        }
        catch (JsonException ex)
        {
            throw new ZooFormatException($"Invalid JSON in zoo file '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>Serializes <paramref name="value"/> and writes it atomically.</summary>
    public static void Write<T>(string path, T value) =>
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(value, Options));
}
