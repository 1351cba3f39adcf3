using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using HyperRepHub.Cli.Demo;

namespace HyperRepHub.Cli.Tests;

public sealed class PngEncoderTests
{
    [Fact]
    public void Encode_TwoByTwo_ChunksHaveValidCrcAndPixelsRoundTrip()
    {
        byte[] rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30];

        var png = PngEncoder.Encode(2, 2, rgb);

        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        var chunks = ReadChunks(png);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(chunks[0].Data));
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(chunks[0].Data.AsSpan(4)));
        Assert.Equal(new byte[] { 0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 10, 20, 30 }, Inflate(chunks[1].Data));
    }

    [Fact]
    public void Crc32_KnownInput_MatchesReferenceValue()
    {
        var crc = PngEncoder.Crc32(Encoding.ASCII.GetBytes("123456789")) ^ 0xFFFFFFFFu;

        Assert.Equal(0xCBF43926u, crc);
    }

    [Fact]
    public void Encode_WrongBufferLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(2, 2, new byte[11]));
    }

    [Fact]
    public void CanvasText_DrawsInkOnlyInsideGlyphBox()
    {
        var canvas = new Canvas(20, 12);

        canvas.Text(1, 1, "1", Rgb.Black, scale: 2);

        Assert.Equal(Rgb.Black, canvas.Get(3, 1));
        Assert.Equal(Rgb.White, canvas.Get(1, 1));
        Assert.Equal(Rgb.White, canvas.Get(10, 5));
    }

    private static List<(string Type, byte[] Data)> ReadChunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var typeAndData = png.AsSpan(offset + 4, 4 + length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(crc, PngEncoder.Crc32(typeAndData) ^ 0xFFFFFFFFu);
            chunks.Add((Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray()));
            offset += 12 + length;
        }

        return chunks;
    }

    private static byte[] Inflate(byte[] data)
    {
        using var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }
}
