using System.Buffers.Binary;
using System.Text.Json;

namespace HyperRepHub.Grains.Zoos.Internal;

/// <summary>
/// Checks the structure of an untrusted safetensors file before any library parses it: the 8-byte little-endian
/// header length, a JSON header of bounded size, and every tensor's byte range inside the file and matching its
/// dtype and shape. A file that passes cannot make a reader allocate more than the file's size.
/// </summary>
internal static class SafetensorsHeaderCheck
{
    private const int MaxHeaderBytes = 1024 * 1024;

    private static readonly Dictionary<string, int> DtypeSizes = new(StringComparer.Ordinal)
    {
        ["F64"] = 8, ["F32"] = 4, ["F16"] = 2, ["BF16"] = 2,
        ["I64"] = 8, ["I32"] = 4, ["I16"] = 2, ["I8"] = 1, ["U8"] = 1, ["BOOL"] = 1,
    };

    /// <summary>Returns null when the file is well formed, otherwise what is wrong with it.</summary>
    public static string? FindError(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> prefix = stackalloc byte[8];
        if (file.ReadAtLeast(prefix, 8, throwOnEndOfStream: false) < 8)
        {
            return "the file is shorter than the 8-byte safetensors header length.";
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > MaxHeaderBytes || headerLength > (ulong)(file.Length - 8))
        {
            return $"the header claims {headerLength} bytes, but the file has {file.Length - 8} bytes after the " +
                $"length field and headers may have at most {MaxHeaderBytes} bytes.";
        }

        var header = new byte[headerLength];
        file.ReadExactly(header);
        return FindHeaderError(header, file.Length - 8 - (long)headerLength);
    }

    private static string? FindHeaderError(byte[] header, long dataLength)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header);
        }
        catch (JsonException ex)
        {
            return $"the header is not valid JSON ({ex.Message}).";
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return "the header is not a JSON object.";
            }

            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (entry.Name != "__metadata__" && FindTensorError(entry, dataLength) is { } error)
                {
                    return error;
                }
            }
        }

        return null;
    }

    private static string? FindTensorError(JsonProperty entry, long dataLength)
    {
        var tensor = entry.Value;
        if (tensor.ValueKind != JsonValueKind.Object ||
            !tensor.TryGetProperty("dtype", out var dtype) || dtype.ValueKind != JsonValueKind.String ||
            !tensor.TryGetProperty("shape", out var shape) || shape.ValueKind != JsonValueKind.Array ||
            !tensor.TryGetProperty("data_offsets", out var offsets) || offsets.GetArrayLength() != 2)
        {
            return $"tensor '{entry.Name}' needs dtype, shape and two data_offsets.";
        }

        if (!DtypeSizes.TryGetValue(dtype.GetString()!, out int itemSize))
        {
            return $"tensor '{entry.Name}' has unsupported dtype '{dtype.GetString()}'.";
        }

        long elements = 1;
        foreach (var dimension in shape.EnumerateArray())
        {
            if (!dimension.TryGetInt64(out long size) || size < 0)
            {
                return $"tensor '{entry.Name}' has an invalid shape.";
            }

            // Checking each size first keeps the product below dataLength squared, so it cannot overflow.
            elements = size > dataLength ? dataLength + 1 : elements * size;
            if (elements > dataLength)
            {
                return $"tensor '{entry.Name}' claims more elements than the file holds.";
            }
        }

        if (!offsets[0].TryGetInt64(out long begin) || !offsets[1].TryGetInt64(out long end) ||
            begin < 0 || end < begin || end > dataLength)
        {
            return $"tensor '{entry.Name}' has data_offsets outside the {dataLength} data bytes.";
        }

        return end - begin == elements * itemSize
            ? null
            : $"tensor '{entry.Name}' spans {end - begin} bytes, but its dtype and shape need {elements * itemSize}.";
    }
}
