using System.Buffers.Binary;
using System.Text;
using HyperRepHub.Core.Architectures;

namespace HyperRepHub.Core.Tests.Checkpoints;

/// <summary>Hand-made safetensors files, valid and corrupt, for the reader tests.</summary>
internal static class SafetensorsFiles
{
    /// <summary>Flatten([2, 1, 1]) → Linear(2 → 3): keys <c>1.weight</c> [3, 2] and <c>1.bias</c> [3], 9 parameters.</summary>
    public static ArchitectureSpec Tiny { get; } =
        new("tiny", 2, 1, 1, 3, [LayerSpec.Flat(), LayerSpec.Dense(2, 3)]);

    public static float[] TinyWeights { get; } = [0.5f, -1f, 2f, 0.25f, -0.75f, 3f, 0.1f, -0.2f, 0.3f];

    public const string TinyHeader =
        """{"1.weight":{"dtype":"F32","shape":[3,2],"data_offsets":[0,24]},""" +
        """ "1.bias":{"dtype":"F32","shape":[3],"data_offsets":[24,36]}}""";

    /// <summary>Builds a file from a header text and raw data; <paramref name="declaredLength"/> overrides the prefix.</summary>
    public static byte[] Build(string headerJson, byte[] data, ulong? declaredLength = null)
    {
        byte[] header = Encoding.UTF8.GetBytes(headerJson);
        byte[] file = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(file, declaredLength ?? (ulong)header.Length);
        header.CopyTo(file, 8);
        data.CopyTo(file, 8 + header.Length);
        return file;
    }

    public static byte[] F32(params float[] values)
    {
        byte[] bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return bytes;
    }

    public static byte[] ValidTiny() => Build(TinyHeader, F32(TinyWeights));
}
