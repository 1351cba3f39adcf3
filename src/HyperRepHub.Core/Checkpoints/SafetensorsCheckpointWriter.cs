using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using HyperRepHub.Core.Architectures;

namespace HyperRepHub.Core.Checkpoints;

/// <summary>
/// Writes a flat weight vector as an F32 safetensors file whose keys are the architecture's <c>state_dict</c> keys,
/// so PyTorch's <c>safetensors.torch.load_file</c> and <see cref="SafetensorsCheckpointReader"/> both load it.
/// </summary>
public static class SafetensorsCheckpointWriter
{
    /// <summary>Writes <paramref name="weights"/> (in <see cref="WeightLayout"/> order) to <paramref name="stream"/>.</summary>
    /// <exception cref="ArchitectureException">The vector length differs from the architecture's parameter count.</exception>
    public static async Task WriteAsync(Stream stream, ArchitectureSpec architecture, ReadOnlyMemory<float> weights,
        IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(architecture);
        if (weights.Length != architecture.ParameterCount)
        {
            throw new ArchitectureException(
                $"Architecture '{architecture.Name}' has {architecture.ParameterCount} parameters, " +
                $"got a vector of {weights.Length}.");
        }

        byte[] header = CreateHeader(architecture, metadata);
        byte[] prefix = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
        await stream.WriteAsync(prefix, cancellationToken);
        await stream.WriteAsync(header, cancellationToken);

        byte[] data = new byte[weights.Length * sizeof(float)];
        var values = weights.Span;
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * sizeof(float)), values[i]);
        }

        await stream.WriteAsync(data, cancellationToken);
    }

    private static byte[] CreateHeader(ArchitectureSpec architecture, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (key, value) in metadata)
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            foreach (var layer in architecture.Layout.Layers)
            {
                WriteEntry(json, layer.WeightKey, layer.WeightShape, layer.Offset, layer.WeightLength);
                WriteEntry(json, layer.BiasKey, [layer.Neurons], layer.BiasOffset, layer.Neurons);
            }

            json.WriteEndObject();
        }

        // The format pads the header with spaces so the data section starts 8-byte aligned.
        int padding = (8 - (int)(buffer.Length % 8)) % 8;
        buffer.Write(Encoding.ASCII.GetBytes(new string(' ', padding)));
        return buffer.ToArray();
    }

    private static void WriteEntry(Utf8JsonWriter json, string key, long[] shape, int offset, int length)
    {
        json.WriteStartObject(key);
        json.WriteString("dtype", "F32");
        json.WriteStartArray("shape");
        foreach (long dimension in shape)
        {
            json.WriteNumberValue(dimension);
        }

        json.WriteEndArray();
        json.WriteStartArray("data_offsets");
        json.WriteNumberValue((long)offset * sizeof(float));
        json.WriteNumberValue((long)(offset + length) * sizeof(float));
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
