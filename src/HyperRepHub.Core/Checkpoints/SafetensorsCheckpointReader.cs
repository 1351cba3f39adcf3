using System.Buffers.Binary;
using HyperRepHub.Core.Architectures;

namespace HyperRepHub.Core.Checkpoints;

/// <summary>
/// Reads an untrusted safetensors checkpoint of a known architecture into a flat weight vector. The file layout is
/// an 8-byte little-endian header length, a JSON header, then the tensors' bytes back to back. Every check runs in
/// managed code before any value is used, and the bytes read are bounded by the header limit plus the size of the
/// architecture's parameters.
/// </summary>
public static class SafetensorsCheckpointReader
{
    private const int LengthPrefixBytes = 8;

    /// <summary>Reads and checks a checkpoint from <paramref name="stream"/>, which is read to its end.</summary>
    /// <returns>The weights in <see cref="WeightLayout"/> order and the file's metadata.</returns>
    /// <exception cref="CheckpointFormatException">
    /// The file is truncated or malformed, has an oversized header, a non-float dtype, offsets outside the data,
    /// keys or shapes that do not match <paramref name="architecture"/>, or NaN or infinite values.
    /// </exception>
    public static async Task<CheckpointWeights> ReadAsync(Stream stream, ArchitectureSpec architecture,
        SafetensorsReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(architecture);
        options ??= SafetensorsReadOptions.Default;

        var header = await ReadHeaderAsync(stream, options.MaxHeaderBytes, cancellationToken);
        var placements = ArchitectureTensorMatcher.Match(header.Tensors, architecture);
        long dataLength = CheckContiguous(header.Tensors);
        byte[] data = await ReadDataAsync(stream, header.Tensors, dataLength, cancellationToken);

        var weights = new float[architecture.ParameterCount];
        foreach (var placement in placements)
        {
            Decode(placement, data, weights);
        }

        return new CheckpointWeights(weights, header.Metadata);
    }

    private static async Task<SafetensorsHeader> ReadHeaderAsync(
        Stream stream, int maxHeaderBytes, CancellationToken cancellationToken)
    {
        byte[] prefix = new byte[LengthPrefixBytes];
        int read = await stream.ReadAtLeastAsync(prefix, LengthPrefixBytes, throwOnEndOfStream: false, cancellationToken);
        if (read < LengthPrefixBytes)
        {
            throw new CheckpointFormatException(
                $"The file is truncated: it has {read} bytes, fewer than the 8-byte header length.");
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > (ulong)maxHeaderBytes)
        {
            throw new CheckpointFormatException(
                $"The header length is {headerLength} bytes, over the limit of {maxHeaderBytes} bytes.");
        }

        byte[] json = new byte[(int)headerLength];
        read = await stream.ReadAtLeastAsync(json, json.Length, throwOnEndOfStream: false, cancellationToken);
        if (read < json.Length)
        {
            throw new CheckpointFormatException(
                $"The file is truncated: the header length is {headerLength} bytes but only {read} follow.");
        }

        return SafetensorsHeader.Parse(json);
    }

    /// <summary>Checks that the tensors tile the data section from byte 0 with no gap or overlap.</summary>
    private static long CheckContiguous(IReadOnlyList<SafetensorsTensorInfo> tensors)
    {
        long next = 0;
        foreach (var tensor in tensors.OrderBy(t => t.Begin).ThenBy(t => t.End))
        {
            if (tensor.Begin != next)
            {
                string problem = tensor.Begin < next ? "overlaps the previous tensor" : "leaves a gap before it";
                throw new CheckpointFormatException(
                    $"Tensor '{tensor.Name}' starts at data byte {tensor.Begin} and {problem}, which ends at {next}.",
                    tensor.Name);
            }

            next = tensor.End;
        }

        return next;
    }

    private static async Task<byte[]> ReadDataAsync(Stream stream, IReadOnlyList<SafetensorsTensorInfo> tensors,
        long dataLength, CancellationToken cancellationToken)
    {
        // The matcher has bounded every tensor by the architecture, so dataLength is small enough to buffer.
        byte[] data = new byte[dataLength];
        int read = await stream.ReadAtLeastAsync(data, data.Length, throwOnEndOfStream: false, cancellationToken);
        if (read < data.Length)
        {
            var outside = tensors.Where(t => t.End > read).OrderBy(t => t.Begin).First();
            throw new CheckpointFormatException(
                $"Tensor '{outside.Name}' has data_offsets [{outside.Begin}, {outside.End}] outside the file: the " +
                $"data section ends after {read} bytes, so the file is truncated.", outside.Name);
        }

        byte[] probe = new byte[1];
        if (await stream.ReadAsync(probe, cancellationToken) != 0)
        {
            throw new CheckpointFormatException(
                $"The file has bytes after the last tensor, which ends at data byte {dataLength}.");
        }

        return data;
    }

    private static void Decode(TensorPlacement placement, byte[] data, float[] weights)
    {
        var tensor = placement.Tensor;
        var destination = weights.AsSpan(placement.Offset, (int)tensor.ElementCount);
        SafetensorsDtypes.Decode(tensor.Dtype, data.AsSpan((int)tensor.Begin, (int)(tensor.End - tensor.Begin)),
            destination);
        for (int i = 0; i < destination.Length; i++)
        {
            if (!float.IsFinite(destination[i]))
            {
                string value = float.IsNaN(destination[i]) ? "NaN" : "an infinite value";
                string hint = tensor.Dtype == SafetensorsDtype.F64 ? " (or a value beyond the float32 range)" : "";
                throw new CheckpointFormatException(
                    $"Tensor '{tensor.Name}' contains {value}{hint} at element {i}. Weights must be finite.",
                    tensor.Name);
            }
        }
    }
}
