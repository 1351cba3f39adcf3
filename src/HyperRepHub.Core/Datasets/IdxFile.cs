using System.Buffers.Binary;
using System.IO.Compression;

namespace HyperRepHub.Core.Datasets;

/// <summary>
/// Reads unsigned-byte IDX files, the MNIST and Fashion-MNIST format: two zero bytes, the type code 0x08, the number
/// of dimensions, one big-endian int32 size per dimension, then the data. Gzip-compressed files are detected by their
/// magic bytes; offsets in error messages then count bytes of the decompressed content.
/// </summary>
public static class IdxFile
{
    private const byte UnsignedByteType = 0x08;

    /// <summary>Reads an IDX file and returns its dimensions and its bytes.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="dimensions">The number of dimensions the caller expects: 1 for labels, 3 for images.</param>
    /// <exception cref="DatasetNotFoundException">The file does not exist.</exception>
    /// <exception cref="DatasetFormatException">The header or the data length is invalid.</exception>
    public static (int[] Shape, byte[] Data) Read(string path, int dimensions)
    {
        if (!File.Exists(path))
        {
            throw new DatasetNotFoundException($"Missing IDX file '{path}'.");
        }

        var content = ReadContent(path);
        int headerLength = 4 + 4 * dimensions;
        if (content.Length < 4)
        {
            throw Invalid(path, 0, "a 4-byte magic number", $"a {content.Length}-byte file");
        }

        if (content[0] != 0 || content[1] != 0 || content[2] != UnsignedByteType || content[3] != dimensions)
        {
            throw Invalid(path, 0, $"magic number 0x000008{dimensions:X2} (unsigned bytes, {dimensions} dimensions)",
                $"0x{BinaryPrimitives.ReadUInt32BigEndian(content):X8}");
        }

        if (content.Length < headerLength)
        {
            throw Invalid(path, content.Length, $"{dimensions} dimension sizes ending at offset {headerLength}",
                "the end of the file");
        }

        var shape = new int[dimensions];
        long expected = 1;
        for (int d = 0; d < dimensions; d++)
        {
            shape[d] = BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(4 + 4 * d));
            if (shape[d] <= 0)
            {
                throw Invalid(path, 4 + 4 * d, $"a positive size of dimension {d}", shape[d].ToString());
            }

            expected *= shape[d];
        }

        long actual = content.Length - headerLength;
        if (actual != expected)
        {
            throw Invalid(path, headerLength, $"{expected} data bytes for shape [{string.Join(", ", shape)}]",
                $"{actual} bytes ({(actual < expected ? "truncated" : "trailing bytes")})");
        }

        return (shape, content[headerLength..]);
    }

    private static byte[] ReadContent(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 2 || bytes[0] != 0x1F || bytes[1] != 0x8B)
        {
            return bytes;
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new DatasetFormatException(
                $"Invalid gzip data in '{path}': {ex.Message} Delete the file and install the dataset again.", ex);
        }
    }

    private static DatasetFormatException Invalid(string path, long offset, string expected, string actual) =>
        new($"Invalid IDX file '{path}' at offset {offset}: expected {expected}, found {actual}.");
}
