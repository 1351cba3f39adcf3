using System.Buffers.Binary;

namespace HyperRepHub.Core.Checkpoints;

/// <summary>The floating-point safetensors dtypes a checkpoint may use, each converted to <see cref="float"/> on reading.</summary>
public enum SafetensorsDtype
{
    /// <summary>IEEE 754 single precision, 4 bytes.</summary>
    F32,

    /// <summary>IEEE 754 half precision, 2 bytes.</summary>
    F16,

    /// <summary>bfloat16 (the upper half of an F32), 2 bytes.</summary>
    BF16,

    /// <summary>IEEE 754 double precision, 8 bytes.</summary>
    F64,
}

/// <summary>Sizes and little-endian decoding of <see cref="SafetensorsDtype"/> values.</summary>
internal static class SafetensorsDtypes
{
    public const string Supported = "F32, F16, BF16 or F64";

    public static bool TryParse(string text, out SafetensorsDtype dtype)
    {
        (bool known, dtype) = text switch
        {
            "F32" => (true, SafetensorsDtype.F32),
            "F16" => (true, SafetensorsDtype.F16),
            "BF16" => (true, SafetensorsDtype.BF16),
            "F64" => (true, SafetensorsDtype.F64),
            _ => (false, default),
        };
        return known;
    }

    public static int SizeOf(SafetensorsDtype dtype) => dtype switch
    {
        SafetensorsDtype.F32 => 4,
        SafetensorsDtype.F16 or SafetensorsDtype.BF16 => 2,
        SafetensorsDtype.F64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>Decodes little-endian values of <paramref name="dtype"/> from <paramref name="source"/> into floats.</summary>
    public static void Decode(SafetensorsDtype dtype, ReadOnlySpan<byte> source, Span<float> destination)
    {
        int size = SizeOf(dtype);
        for (int i = 0; i < destination.Length; i++)
        {
            var bytes = source.Slice(i * size, size);
            destination[i] = dtype switch
            {
                SafetensorsDtype.F32 => BinaryPrimitives.ReadSingleLittleEndian(bytes),
                SafetensorsDtype.F16 => (float)BinaryPrimitives.ReadHalfLittleEndian(bytes),
                SafetensorsDtype.BF16 => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes) << 16),
                _ => (float)BinaryPrimitives.ReadDoubleLittleEndian(bytes),
            };
        }
    }
}
