using System.Buffers.Binary;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Checkpoints;
using static HyperRepHub.Core.Tests.Checkpoints.SafetensorsFiles;

namespace HyperRepHub.Core.Tests.Checkpoints;

public sealed class SafetensorsCheckpointReaderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ReadAsync_HandMadeFile_ReturnsLayoutOrder()
    {
        byte[] file = ValidTiny();

        var checkpoint = await ReadAsync(file);

        Assert.Equal(TinyWeights, checkpoint.Weights);
        Assert.Empty(checkpoint.Metadata);
    }

    [Fact]
    public async Task ReadAsync_CnnSmallWriterOutput_RoundTrips()
    {
        var architecture = BuiltInArchitectures.CnnSmall;
        var random = new Random(11);
        float[] weights = Enumerable.Range(0, architecture.ParameterCount).Select(_ => random.NextSingle() - 0.5f).ToArray();
        using var file = new MemoryStream();
        await SafetensorsCheckpointWriter.WriteAsync(file, architecture, weights,
            new Dictionary<string, string> { ["epoch"] = "25" }).WaitAsync(Timeout);
        file.Position = 0;

        var checkpoint = await SafetensorsCheckpointReader.ReadAsync(file, architecture).WaitAsync(Timeout);

        Assert.Equal(weights, checkpoint.Weights);
        Assert.Equal("25", checkpoint.Metadata["epoch"]);
        Assert.Equal(0, (8 + BinaryPrimitives.ReadInt64LittleEndian(file.ToArray())) % 8);
    }

    [Fact]
    public async Task ReadAsync_DataParallelPrefix_IsAccepted()
    {
        byte[] file = Build(TinyHeader.Replace("\"1.", "\"module.1.", StringComparison.Ordinal), F32(TinyWeights));

        var checkpoint = await ReadAsync(file);

        Assert.Equal(TinyWeights, checkpoint.Weights);
    }

    [Fact]
    public async Task ReadAsync_HalfPrecision_ConvertsToFloat()
    {
        string header = TinyHeader.Replace("F32", "F16", StringComparison.Ordinal)
            .Replace("[0,24]", "[0,12]", StringComparison.Ordinal).Replace("[24,36]", "[12,18]", StringComparison.Ordinal);
        byte[] data = new byte[18];
        for (int i = 0; i < TinyWeights.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(data.AsSpan(i * 2), (Half)TinyWeights[i]);
        }

        var checkpoint = await ReadAsync(Build(header, data));

        Assert.Equal(TinyWeights.Select(w => (float)(Half)w), checkpoint.Weights);
    }

    [Theory]
    [InlineData(ulong.MaxValue)]
    [InlineData(1UL << 40)]
    [InlineData(1024UL * 1024 + 1)]
    public async Task ReadAsync_HeaderLengthOverLimit_IsRejected(ulong declaredLength)
    {
        byte[] file = Build(TinyHeader, F32(TinyWeights), declaredLength);

        var error = await ReadFailureAsync(file);

        Assert.Contains($"header length is {declaredLength} bytes, over the limit of 1048576 bytes", error.Message);
    }

    [Theory]
    [InlineData(0, "fewer than the 8-byte header length")]
    [InlineData(5, "fewer than the 8-byte header length")]
    [InlineData(8 + 40, "only 40 follow")]
    public async Task ReadAsync_TruncatedBeforeData_IsRejected(int keepBytes, string expected)
    {
        byte[] file = ValidTiny()[..keepBytes];

        var error = await ReadFailureAsync(file);

        Assert.Contains("truncated", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task ReadAsync_TruncatedData_NamesTensorOutsideFile()
    {
        byte[] file = ValidTiny()[..^4];

        var error = await ReadFailureAsync(file);

        Assert.Equal("1.bias", error.TensorName);
        Assert.Contains("data_offsets [24, 36] outside the file", error.Message);
        Assert.Contains("ends after 32 bytes", error.Message);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("", "not valid JSON")]
    [InlineData("""{"1.weight": 5}""", "must be an object with dtype, shape and data_offsets")]
    [InlineData("""{"__metadata__": {"epoch": 3}}""", "'__metadata__' entry 'epoch' must be a string")]
    public async Task ReadAsync_MalformedHeader_IsRejected(string header, string expected)
    {
        var error = await ReadFailureAsync(Build(header, F32(TinyWeights)));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("I64")]
    [InlineData("BOOL")]
    [InlineData("F8_E4M3")]
    public async Task ReadAsync_NonFloatDtype_NamesTensorAndDtype(string dtype)
    {
        string header = TinyHeader.Replace("\"1.bias\":{\"dtype\":\"F32\"", $"\"1.bias\":{{\"dtype\":\"{dtype}\"",
            StringComparison.Ordinal);

        var error = await ReadFailureAsync(Build(header, F32(TinyWeights)));

        Assert.Equal("1.bias", error.TensorName);
        Assert.Contains($"dtype {dtype}, expected a floating-point dtype", error.Message);
    }

    [Fact]
    public async Task ReadAsync_WrongShape_NamesBothShapes()
    {
        string header = """{"1.weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},""" +
            """ "1.bias":{"dtype":"F32","shape":[3],"data_offsets":[24,36]}}""";

        var error = await ReadFailureAsync(Build(header, F32(TinyWeights)));

        Assert.Equal("1.weight", error.TensorName);
        Assert.Contains("Tensor '1.weight' has shape [2, 3], but architecture 'tiny' expects [3, 2]", error.Message);
    }

    [Fact]
    public async Task ReadAsync_MissingTensor_NamesKey()
    {
        string header = """{"1.weight":{"dtype":"F32","shape":[3,2],"data_offsets":[0,24]}}""";

        var error = await ReadFailureAsync(Build(header, F32(TinyWeights[..6])));

        Assert.Equal("1.bias", error.TensorName);
        Assert.Contains("Tensor '1.bias' with shape [3] is missing", error.Message);
    }

    [Fact]
    public async Task ReadAsync_UnexpectedTensor_ListsExpectedKeys()
    {
        string header = TinyHeader[..^1] + ""","2.weight":{"dtype":"F32","shape":[1],"data_offsets":[36,40]}}""";

        var error = await ReadFailureAsync(Build(header, F32([.. TinyWeights, 1f])));

        Assert.Equal("2.weight", error.TensorName);
        Assert.Contains("not a parameter of architecture 'tiny', whose keys are 1.weight, 1.bias", error.Message);
    }

    [Fact]
    public async Task ReadAsync_SameParameterTwice_IsRejected()
    {
        string header = TinyHeader[..^1] + ""","module.1.bias":{"dtype":"F32","shape":[3],"data_offsets":[36,48]}}""";

        var error = await ReadFailureAsync(Build(header, F32([.. TinyWeights, 1f, 2f, 3f])));

        Assert.Contains("Tensors '1.bias' and 'module.1.bias' both name parameter '1.bias'", error.Message);
    }

    [Theory]
    [InlineData("[0,24]", "[20,32]", "overlaps the previous tensor")]
    [InlineData("[0,24]", "[28,40]", "leaves a gap before it")]
    public async Task ReadAsync_OffsetsNotTilingData_AreRejected(string weightOffsets, string biasOffsets, string expected)
    {
        string header = TinyHeader.Replace("[0,24]", weightOffsets, StringComparison.Ordinal)
            .Replace("[24,36]", biasOffsets, StringComparison.Ordinal);

        var error = await ReadFailureAsync(Build(header, F32([.. TinyWeights, 0f])));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task ReadAsync_ReorderedData_PlacesByKey()
    {
        string header = TinyHeader.Replace("[0,24]", "[12,36]", StringComparison.Ordinal)
            .Replace("[24,36]", "[0,12]", StringComparison.Ordinal);
        byte[] data = F32([.. TinyWeights[6..], .. TinyWeights[..6]]);

        var checkpoint = await ReadAsync(Build(header, data));

        Assert.Equal(TinyWeights, checkpoint.Weights);
    }

    [Fact]
    public async Task ReadAsync_OffsetsDisagreeWithShape_AreRejected()
    {
        string header = TinyHeader.Replace("[24,36]", "[24,40]", StringComparison.Ordinal);

        var error = await ReadFailureAsync(Build(header, F32([.. TinyWeights, 0f])));

        Assert.Equal("1.bias", error.TensorName);
        Assert.Contains("data_offsets [24, 40] (16 bytes), but shape [3] of F32 needs 12 bytes", error.Message);
    }

    [Fact]
    public async Task ReadAsync_FarOffsets_AreRejected()
    {
        string header = TinyHeader.Replace("[24,36]", "[24,1099511627812]", StringComparison.Ordinal);

        var error = await ReadFailureAsync(Build(header, F32(TinyWeights)));

        Assert.Equal("1.bias", error.TensorName);
        Assert.Contains("data_offsets [24, 1099511627812]", error.Message);
    }

    [Fact]
    public async Task ReadAsync_BytesAfterLastTensor_AreRejected()
    {
        byte[] file = Build(TinyHeader, F32([.. TinyWeights, 7f]));

        var error = await ReadFailureAsync(file);

        Assert.Contains("bytes after the last tensor, which ends at data byte 36", error.Message);
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "an infinite value")]
    [InlineData(float.NegativeInfinity, "an infinite value")]
    public async Task ReadAsync_NonFiniteValue_NamesTensorAndElement(float value, string expected)
    {
        float[] weights = [.. TinyWeights];
        weights[7] = value;

        var error = await ReadFailureAsync(Build(TinyHeader, F32(weights)));

        Assert.Equal("1.bias", error.TensorName);
        Assert.Contains($"Tensor '1.bias' contains {expected} at element 1", error.Message);
    }

    [Fact]
    public async Task ReadAsync_DuplicateHeaderKey_IsRejected()
    {
        string header = TinyHeader[..^1] + ""","1.bias":{"dtype":"F32","shape":[3],"data_offsets":[24,36]}}""";

        var error = await ReadFailureAsync(Build(header, F32(TinyWeights)));

        Assert.Contains("lists '1.bias' twice", error.Message);
    }

    private static Task<CheckpointWeights> ReadAsync(byte[] file) =>
        SafetensorsCheckpointReader.ReadAsync(new MemoryStream(file), Tiny).WaitAsync(Timeout);

    private static Task<CheckpointFormatException> ReadFailureAsync(byte[] file) =>
        Assert.ThrowsAsync<CheckpointFormatException>(() => ReadAsync(file));
}
