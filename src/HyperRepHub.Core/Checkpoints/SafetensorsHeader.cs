using System.Text.Json;

namespace HyperRepHub.Core.Checkpoints;

/// <summary>
/// The parsed JSON header of a safetensors file: an object mapping each tensor name to its dtype, shape and
/// <c>data_offsets</c>, plus an optional <c>__metadata__</c> object of strings.
/// </summary>
internal sealed record SafetensorsHeader(
    IReadOnlyList<SafetensorsTensorInfo> Tensors, IReadOnlyDictionary<string, string> Metadata)
{
    private const string MetadataKey = "__metadata__";

    /// <summary>Parses and checks the header: JSON shape, dtypes, and byte ranges that match shape and dtype.</summary>
    /// <exception cref="CheckpointFormatException">The header is not valid JSON or an entry is malformed.</exception>
    public static SafetensorsHeader Parse(ReadOnlyMemory<byte> json)
    {
        using var document = ParseDocument(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new CheckpointFormatException(
                $"The safetensors header must be a JSON object, got {document.RootElement.ValueKind}.");
        }

        var tensors = new List<SafetensorsTensorInfo>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw new CheckpointFormatException(
                    $"The safetensors header lists '{property.Name}' twice.", property.Name);
            }

            if (property.Name == MetadataKey)
            {
                ReadMetadata(property.Value, metadata);
            }
            else
            {
                tensors.Add(ReadTensor(property.Name, property.Value));
            }
        }

        return new SafetensorsHeader(tensors, metadata);
    }

    private static JsonDocument ParseDocument(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            throw new CheckpointFormatException($"The safetensors header is not valid JSON: {ex.Message}");
        }
    }

    private static void ReadMetadata(JsonElement element, Dictionary<string, string> metadata)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CheckpointFormatException($"'{MetadataKey}' must be a JSON object of strings.");
        }

        foreach (var entry in element.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                throw new CheckpointFormatException(
                    $"'{MetadataKey}' entry '{entry.Name}' must be a string, got {entry.Value.ValueKind}.");
            }

            metadata[entry.Name] = entry.Value.GetString()!;
        }
    }

    private static SafetensorsTensorInfo ReadTensor(string name, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CheckpointFormatException(
                $"Tensor '{name}' must be an object with dtype, shape and data_offsets.", name);
        }

        var dtype = ReadDtype(name, element);
        long[] shape = ReadIntegers(name, element, "shape", count: null);
        long[] offsets = ReadIntegers(name, element, "data_offsets", count: 2);
        long begin = offsets[0];
        long end = offsets[1];
        if (end < begin)
        {
            throw new CheckpointFormatException(
                $"Tensor '{name}' has data_offsets [{begin}, {end}]: the end is before the start.", name);
        }

        long expectedBytes = ByteCount(name, shape, dtype);
        if (end - begin != expectedBytes)
        {
            throw new CheckpointFormatException(
                $"Tensor '{name}' has data_offsets [{begin}, {end}] ({end - begin} bytes), but shape " +
                $"[{string.Join(", ", shape)}] of {dtype} needs {expectedBytes} bytes.", name);
        }

        return new SafetensorsTensorInfo(name, dtype, shape, begin, end);
    }

    private static SafetensorsDtype ReadDtype(string name, JsonElement element)
    {
        if (!element.TryGetProperty("dtype", out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new CheckpointFormatException($"Tensor '{name}' has no dtype string.", name);
        }

        string text = value.GetString()!;
        return SafetensorsDtypes.TryParse(text, out var dtype)
            ? dtype
            : throw new CheckpointFormatException(
                $"Tensor '{name}' has dtype {text}, expected a floating-point dtype ({SafetensorsDtypes.Supported}).",
                name);
    }

    private static long[] ReadIntegers(string name, JsonElement element, string property, int? count)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.Array ||
            (count is int expected && value.GetArrayLength() != expected))
        {
            string size = count is null ? "an array" : $"an array of {count}";
            throw new CheckpointFormatException($"Tensor '{name}' needs '{property}' as {size} integers.", name);
        }

        var numbers = new long[value.GetArrayLength()];
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out numbers[i]) || numbers[i] < 0)
            {
                throw new CheckpointFormatException(
                    $"Tensor '{name}' has '{property}' entry {item} at index {i}, expected a non-negative integer.",
                    name);
            }

            i++;
        }

        return numbers;
    }

    private static long ByteCount(string name, long[] shape, SafetensorsDtype dtype)
    {
        try
        {
            return checked(shape.Aggregate(1L, (product, dimension) => product * dimension) *
                SafetensorsDtypes.SizeOf(dtype));
        }
        catch (OverflowException)
        {
            throw new CheckpointFormatException(
                $"Tensor '{name}' has shape [{string.Join(", ", shape)}], too large to address.", name);
        }
    }
}
