using System.Buffers.Binary;
using System.IO.Compression;
using HyperRepHub.Core.Datasets;

namespace HyperRepHub.Core.Tests.Datasets;

public sealed class IdxFileTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_ValidImages_ReturnsShapeAndBytes(bool compressed)
    {
        var path = Write("images", Idx(3, [2, 3, 4], Enumerable.Range(0, 24).Select(i => (byte)i)), compressed);

        var (shape, data) = IdxFile.Read(path, 3);

        Assert.Equal([2, 3, 4], shape);
        Assert.Equal(24, data.Length);
        Assert.Equal(23, data[^1]);
    }

    [Fact]
    public void Read_BadMagic_ThrowsWithFileOffsetAndExpected()
    {
        var bytes = Idx(3, [1, 2, 2], new byte[4]);
        bytes[2] = 0x09;
        var path = Write("bad-magic", bytes, compressed: false);

        var error = Assert.Throws<DatasetFormatException>(() => IdxFile.Read(path, 3));

        Assert.Contains(path, error.Message);
        Assert.Contains("at offset 0", error.Message);
        Assert.Contains("expected magic number 0x00000803", error.Message);
        Assert.Contains("found 0x00000903", error.Message);
    }

    [Fact]
    public void Read_TruncatedData_ThrowsWithExpectedLength()
    {
        var bytes = Idx(3, [10, 28, 28], new byte[10 * 28 * 28]);
        var path = Write("truncated", bytes[..^100], compressed: true);

        var error = Assert.Throws<DatasetFormatException>(() => IdxFile.Read(path, 3));

        Assert.Contains("at offset 16", error.Message);
        Assert.Contains("expected 7840 data bytes for shape [10, 28, 28]", error.Message);
        Assert.Contains("found 7740 bytes (truncated)", error.Message);
    }

    [Fact]
    public void Read_TruncatedHeader_ThrowsAtEndOfFile()
    {
        var path = Write("header", Idx(3, [10, 28, 28], [])[..10], compressed: false);

        var error = Assert.Throws<DatasetFormatException>(() => IdxFile.Read(path, 3));

        Assert.Contains("at offset 10", error.Message);
    }

    [Fact]
    public void LoadIdxPair_LabelCountMismatch_ThrowsNamingBothFiles()
    {
        Write("train-images-idx3-ubyte", Idx(3, [3, 2, 2], new byte[12]), compressed: false);
        Write("train-labels-idx1-ubyte", Idx(1, [2], [1, 2]), compressed: false);

        var error = Assert.Throws<DatasetFormatException>(() =>
            DatasetCatalog.LoadIdxPair("fashion-mnist", "train", _directory.Path, "train"));

        Assert.Contains("contains 3 images", error.Message);
        Assert.Contains("contains 2 labels", error.Message);
    }

    [Fact]
    public void LoadIdxPair_ValidFiles_NormalisesPixels()
    {
        Write("t10k-images-idx3-ubyte", Idx(3, [2, 2, 2], [0, 0, 0, 0, 255, 255, 255, 255]), compressed: true);
        Write("t10k-labels-idx1-ubyte", Idx(1, [2], [3, 7]), compressed: true);

        var dataset = DatasetCatalog.LoadIdxPair("fashion-mnist", "test", _directory.Path, "t10k");

        Assert.Equal(new long[] { 2, 1, 2, 2 }, dataset.Images.shape);
        Assert.Equal(new long[] { 3, 7 }, dataset.Labels.data<long>().ToArray());
        Assert.Equal((0 - 0.2860) / 0.3530, dataset.Images[0, 0, 0, 0].item<float>(), 5);
        Assert.Equal((1 - 0.2860) / 0.3530, dataset.Images[1, 0, 1, 1].item<float>(), 5);
    }

    [Fact]
    public void Load_MissingFashionMnist_NamesPathAndInstallCommand()
    {
        var locations = new DatasetLocations(_directory.Path, _directory.Combine("absent"));

        var error = Assert.Throws<DatasetNotFoundException>(() => DatasetCatalog.Load("fashion-mnist", locations));

        Assert.Contains(_directory.Combine("absent", "train-images-idx3-ubyte.gz"), error.Message);
        Assert.Contains("apt-get install -y dataset-fashion-mnist", error.Message);
    }

    private static byte[] Idx(byte dimensions, int[] shape, IEnumerable<byte> data)
    {
        var header = new byte[4 + 4 * shape.Length];
        header[2] = 0x08;
        header[3] = dimensions;
        for (int i = 0; i < shape.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i), shape[i]);
        }

        return [.. header, .. data];
    }

    private string Write(string name, byte[] bytes, bool compressed)
    {
        var path = _directory.Combine(compressed ? name + ".gz" : name);
        if (!compressed)
        {
            File.WriteAllBytes(path, bytes);
            return path;
        }

        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(bytes);
        return path;
    }
}
