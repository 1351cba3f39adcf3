using Google.Protobuf;
using Grpc.Core;
using HyperRepHub.Api.V1;
using HyperRepHub.Storage;
using ZooClient = HyperRepHub.Api.V1.ZooService.ZooServiceClient;

namespace HyperRepHub.Server.Tests.Api;

[Collection(ApiServerCollection.Name)]
public sealed class ZooServiceTests(ApiServerFixture server)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly ZooClient _client = new(server.Channel);

    [Fact]
    public async Task CreateZoo_BuiltInArchitecture_CountsParameters()
    {
        var zoo = await CreateZooAsync();

        Assert.Equal(2464, zoo.ParameterCount);
        Assert.Equal("mnist", zoo.Dataset);
        Assert.Empty(zoo.Models);
    }

    [Fact]
    public async Task CreateZoo_TakenId_ReturnsAlreadyExists()
    {
        var zoo = await CreateZooAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.CreateZooAsync(
            new CreateZooRequest { ZooId = zoo.ZooId, Architecture = "cnn-s" }).ResponseAsync.WaitAsync(Timeout));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains(zoo.ZooId, error.Status.Detail);
    }

    [Theory]
    [InlineData("Bad Id", "cnn-s", "zoo_id")]
    [InlineData("zoo-unknown-architecture", "resnet-9000", "architecture")]
    public async Task CreateZoo_InvalidField_NamesField(string zooId, string architecture,
        string field)
    {
        var request = new CreateZooRequest { ZooId = zooId, Architecture = architecture };

        var error = await Assert.ThrowsAsync<RpcException>(
            () => _client.CreateZooAsync(request).ResponseAsync.WaitAsync(Timeout));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail);
    }

    [Fact]
    public async Task UploadModel_Safetensors_RoundTrips()
    {
        var zoo = await CreateZooAsync();
        var weights = TestCheckpoints.RandomWeights(1);

        var response = await ZooUploadClient.UploadAsync(_client, ZooUploadClient.Metadata(zoo.ZooId, "model-1", 21),
            TestCheckpoints.Safetensors(weights)).WaitAsync(Timeout);
        var downloaded = await ZooUploadClient.DownloadAsync(_client, zoo.ZooId, "model-1", 21).WaitAsync(Timeout);
        var stored = await _client.GetZooAsync(new GetZooRequest { ZooId = zoo.ZooId }).ResponseAsync;

        Assert.True(response.Created);
        Assert.Equal(downloaded.Length, response.SizeBytes);
        Assert.Equal(weights, TestCheckpoints.ReadSafetensors(downloaded));
        Assert.Equal(21, Assert.Single(Assert.Single(stored.Models).Checkpoints).Epoch);
    }

    [Fact]
    public async Task UploadModel_PyTorchFile_RoundTrips()
    {
        var zoo = await CreateZooAsync();
        var weights = TestCheckpoints.RandomWeights(2);
        var metadata = ZooUploadClient.Metadata(zoo.ZooId, "model-pt", 0, CheckpointFormat.Pytorch);

        await ZooUploadClient.UploadAsync(_client, metadata, TestCheckpoints.PyTorch(weights)).WaitAsync(Timeout);
        var downloaded = await ZooUploadClient.DownloadAsync(_client, zoo.ZooId, "model-pt", 0).WaitAsync(Timeout);

        Assert.Equal(weights, TestCheckpoints.ReadSafetensors(downloaded));
    }

    [Fact]
    public async Task UploadModel_SameBytesTwice_IsIdempotent()
    {
        var zoo = await CreateZooAsync();
        var file = TestCheckpoints.Safetensors(TestCheckpoints.RandomWeights(3));
        var metadata = ZooUploadClient.Metadata(zoo.ZooId, "model-1", 5);

        var first = await ZooUploadClient.UploadAsync(_client, metadata, file).WaitAsync(Timeout);
        var second = await ZooUploadClient.UploadAsync(_client, metadata, file).WaitAsync(Timeout);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Sha256, second.Sha256);
    }

    [Fact]
    public async Task UploadModel_ConflictingWeights_KeepsFirst()
    {
        var zoo = await CreateZooAsync();
        var weights = TestCheckpoints.RandomWeights(4);
        var metadata = ZooUploadClient.Metadata(zoo.ZooId, "model-1", 5);
        await ZooUploadClient.UploadAsync(_client, metadata, TestCheckpoints.Safetensors(weights)).WaitAsync(Timeout);

        var error = await Assert.ThrowsAsync<RpcException>(() => ZooUploadClient.UploadAsync(_client, metadata,
            TestCheckpoints.Safetensors(TestCheckpoints.RandomWeights(5))).WaitAsync(Timeout));
        var downloaded = await ZooUploadClient.DownloadAsync(_client, zoo.ZooId, "model-1", 5).WaitAsync(Timeout);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(weights, TestCheckpoints.ReadSafetensors(downloaded));
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "truncated", TestCheckpoints.Safetensors(TestCheckpoints.RandomWeights(6))[..5000], "truncated" },
        { "garbage", [.. Enumerable.Range(0, 300).Select(i => (byte)(i * 37))], "corrupt" },
        { "huge-header", TestCheckpoints.HugeHeaderClaim(), "over the limit" },
        { "huge-tensor", TestCheckpoints.HugeTensorClaim(), "0.weight" },
        { "wrong-shape", TestCheckpoints.WrongShape(), "3.weight" },
        { "nan", TestCheckpoints.Safetensors([float.NaN, .. TestCheckpoints.RandomWeights(9)[1..]]), "NaN" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task UploadModel_BadFile_StoresNothing(string modelId, byte[] file,
        string expected)
    {
        var zoo = await CreateZooAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => ZooUploadClient.UploadAsync(_client,
            ZooUploadClient.Metadata(zoo.ZooId, modelId, 1), file).WaitAsync(Timeout));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail);
        await AssertNothingStoredAsync(zoo.ZooId);
    }

    [Fact]
    public async Task UploadModel_UnknownZoo_ReturnsNotFound()
    {
        var file = TestCheckpoints.Safetensors(TestCheckpoints.RandomWeights(10));

        var error = await Assert.ThrowsAsync<RpcException>(() => ZooUploadClient.UploadAsync(_client,
            ZooUploadClient.Metadata("zoo-that-does-not-exist", "model-1", 1), file).WaitAsync(Timeout));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("zoo-that-does-not-exist", error.Status.Detail);
    }

    [Fact]
    public async Task UploadModel_OverSizeLimit_ReturnsResourceExhausted()
    {
        var zoo = await CreateZooAsync();
        var file = new byte[ApiServerFixture.MaxCheckpointBytes + ZooUploadClient.ChunkBytes];

        var error = await Assert.ThrowsAsync<RpcException>(() => ZooUploadClient.UploadAsync(_client,
            ZooUploadClient.Metadata(zoo.ZooId, "model-big", 1), file).WaitAsync(Timeout));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains(ApiServerFixture.MaxCheckpointBytes.ToString(), error.Status.Detail);
        await AssertNothingStoredAsync(zoo.ZooId);
    }

    [Fact]
    public async Task UploadModel_HugeMessage_ReturnsResourceExhausted()
    {
        var zoo = await CreateZooAsync();
        using var call = _client.UploadModel(deadline: DateTime.UtcNow.AddSeconds(60));
        await call.RequestStream.WriteAsync(new UploadModelRequest
        {
            Metadata = ZooUploadClient.Metadata(zoo.ZooId, "model-big-message", 1),
        });

        try
        {
            await call.RequestStream.WriteAsync(new UploadModelRequest
            {
                Chunk = ByteString.CopyFrom(new byte[5 * 1024 * 1024]),
            });
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server may end the call while the client is still writing; its status comes with the response.
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync).WaitAsync(Timeout);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        await AssertNothingStoredAsync(zoo.ZooId);
    }

    [Fact]
    public async Task UploadModel_CancelledThenRetried_StoresRetry()
    {
        var zoo = await CreateZooAsync();
        var weights = TestCheckpoints.RandomWeights(11);
        var file = TestCheckpoints.Safetensors(weights);
        var metadata = ZooUploadClient.Metadata(zoo.ZooId, "model-retry", 3);
        using (var cancellation = new CancellationTokenSource())
        {
            using var call = _client.UploadModel(cancellationToken: cancellation.Token);
            await call.RequestStream.WriteAsync(new UploadModelRequest { Metadata = metadata });
            await call.RequestStream.WriteAsync(new UploadModelRequest { Chunk = ByteString.CopyFrom(file, 0, 4096) });
            cancellation.Cancel();
            var cancelled = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync).WaitAsync(Timeout);
            Assert.Equal(StatusCode.Cancelled, cancelled.StatusCode);
        }

        await AssertNothingStoredAsync(zoo.ZooId);

        var retry = await ZooUploadClient.UploadAsync(_client, metadata, file).WaitAsync(Timeout);
        var downloaded = await ZooUploadClient.DownloadAsync(_client, zoo.ZooId, "model-retry", 3).WaitAsync(Timeout);

        Assert.True(retry.Created);
        Assert.Equal(weights, TestCheckpoints.ReadSafetensors(downloaded));
    }

    [Fact]
    public async Task DownloadModel_UnknownEpoch_ReturnsNotFound()
    {
        var zoo = await CreateZooAsync();

        var error = await Assert.ThrowsAsync<RpcException>(
            () => ZooUploadClient.DownloadAsync(_client, zoo.ZooId, "model-1", 99).WaitAsync(Timeout));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("epoch-99", error.Status.Detail);
    }

    [Fact]
    public async Task ListZoos_AfterCreate_ContainsZoo()
    {
        var zoo = await CreateZooAsync();

        var list = await _client.ListZoosAsync(new ListZoosRequest()).ResponseAsync.WaitAsync(Timeout);

        Assert.Contains(list.Zoos, z => z.ZooId == zoo.ZooId);
    }

    private async Task<Zoo> CreateZooAsync()
    {
        var request = new CreateZooRequest
        {
            ZooId = $"zoo-{Guid.NewGuid():N}"[..20], Architecture = "cnn-s", Dataset = "mnist",
        };
        return await _client.CreateZooAsync(request).ResponseAsync.WaitAsync(Timeout);
    }

    private async Task AssertNothingStoredAsync(string zooId)
    {
        var zoo = await _client.GetZooAsync(new GetZooRequest { ZooId = zooId }).ResponseAsync.WaitAsync(Timeout);
        var blobs = await server.Store.ListAsync(CheckpointContainers.Zoos, zooId + "/").ToListAsync();
        Assert.Empty(zoo.Models);
        Assert.Empty(blobs);
    }
}
