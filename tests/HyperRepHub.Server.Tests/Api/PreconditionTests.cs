using Grpc.Core;
using HyperRepHub.Api.V1;
using HyperRepClient = HyperRepHub.Api.V1.HyperRepresentationService.HyperRepresentationServiceClient;
using OperationClient = HyperRepHub.Api.V1.OperationService.OperationServiceClient;
using PopulationClient = HyperRepHub.Api.V1.PopulationService.PopulationServiceClient;
using ZooClient = HyperRepHub.Api.V1.ZooService.ZooServiceClient;

namespace HyperRepHub.Server.Tests.Api;

/// <summary>
/// Requests whose preconditions the hub can check up front are rejected by the call itself, store nothing and
/// start no operation.
/// </summary>
[Collection(ApiServerCollection.Name)]
public sealed class PreconditionTests(ApiServerFixture server)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly ZooClient _zoos = new(server.Channel);
    private readonly HyperRepClient _hyperReps = new(server.Channel);
    private readonly PopulationClient _populations = new(server.Channel);
    private readonly OperationClient _operations = new(server.Channel);

    [Fact]
    public async Task TrainHyperRepresentation_MissingEpochs_Rejected()
    {
        string zooId = await TinyZoo.UploadAsync(_zoos).WaitAsync(Timeout);
        var config = TinyZoo.TinyConfig();
        config.ZooEpochs.Clear();
        config.ZooEpochs.Add(5);
        string id = NewHyperRepId();

        var error = await TrainAsync(zooId, id, config);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("epochs 5", error.Status.Detail);
        Assert.Contains("21, 22", error.Status.Detail);
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task TrainHyperRepresentation_EmptyTestSplit_Rejected()
    {
        // Four models split 3 train, 1 validation and 0 test.
        string zooId = await TinyZoo.UploadAsync(_zoos, models: 4).WaitAsync(Timeout);
        string id = NewHyperRepId();

        var error = await TrainAsync(zooId, id, TinyZoo.TinyConfig());

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("no test-split models", error.Status.Detail);
        Assert.Contains("6 or more", error.Status.Detail);
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task TrainHyperRepresentation_BatchOverSplit_Rejected()
    {
        string zooId = await TinyZoo.UploadAsync(_zoos).WaitAsync(Timeout);
        var config = TinyZoo.TinyConfig();
        config.BatchSize = 64;
        string id = NewHyperRepId();

        var error = await TrainAsync(zooId, id, config);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("batch_size 64", error.Status.Detail);
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task TrainHyperRepresentation_InfiniteLatentNoise_ReturnsInvalidArgument()
    {
        string zooId = await TinyZoo.UploadAsync(_zoos).WaitAsync(Timeout);
        var config = TinyZoo.TinyConfig();
        config.LatentNoise = double.PositiveInfinity;
        string id = NewHyperRepId();

        var error = await TrainAsync(zooId, id, config);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("LatentNoise", error.Status.Detail);
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task TrainHyperRepresentation_AfterRejection_ReusesId()
    {
        string zooId = await TinyZoo.UploadAsync(_zoos).WaitAsync(Timeout);
        var rejected = TinyZoo.TinyConfig();
        rejected.BatchSize = 64;
        string id = NewHyperRepId();
        _ = await TrainAsync(zooId, id, rejected);

        var accepted = await _hyperReps.TrainHyperRepresentationAsync(new TrainHyperRepresentationRequest
        {
            ZooId = zooId, HyperRepresentationId = id, Config = TinyZoo.TinyConfig(epochs: 10_000),
        }).ResponseAsync.WaitAsync(Timeout);
        await _operations.CancelOperationAsync(new CancelOperationRequest { Id = accepted.OperationId })
            .ResponseAsync.WaitAsync(Timeout);

        Assert.Equal(id, accepted.HyperRepresentationId);
        Assert.StartsWith("op-", accepted.OperationId);
    }

    [Fact]
    public async Task GeneratePopulation_NegativeEvaluateImages_ReturnsInvalidArgument()
    {
        var request = new GeneratePopulationRequest
        {
            HyperRepresentationId = "hr-any-id", Method = SamplingMethod.Kde, Count = 5, Evaluate = true,
            EvaluateTestImages = -1,
        };

        var error = await Assert.ThrowsAsync<RpcException>(
            () => _populations.GeneratePopulationAsync(request).ResponseAsync.WaitAsync(Timeout));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("evaluate_test_images", error.Status.Detail);
    }

    [Fact]
    public async Task DownloadWeights_NegativeEpoch_ReturnsInvalidArgument()
    {
        using var call = _populations.DownloadWeights(
            new DownloadWeightsRequest { PopulationId = "pop-any-id", Epoch = -1 });

        var error = await Assert.ThrowsAsync<RpcException>(
            () => call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("epoch", error.Status.Detail);
    }

    [Fact]
    public async Task ListOperations_NegativePageSize_ReturnsInvalidArgument()
    {
        var request = new ListOperationsRequest { PageSize = -1 };

        var error = await Assert.ThrowsAsync<RpcException>(
            () => _operations.ListOperationsAsync(request).ResponseAsync.WaitAsync(Timeout));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("page_size", error.Status.Detail);
    }

    private async Task<RpcException> TrainAsync(string zooId, string id, HyperRepresentationConfig config)
    {
        var request = new TrainHyperRepresentationRequest
        {
            ZooId = zooId, HyperRepresentationId = id, Config = config,
        };
        return await Assert.ThrowsAsync<RpcException>(
            () => _hyperReps.TrainHyperRepresentationAsync(request).ResponseAsync.WaitAsync(Timeout));
    }

    private async Task AssertNotStoredAsync(string id)
    {
        var lookup = await Assert.ThrowsAsync<RpcException>(() => _hyperReps.GetHyperRepresentationAsync(
            new GetHyperRepresentationRequest { HyperRepresentationId = id }).ResponseAsync.WaitAsync(Timeout));
        var operations = await _operations.ListOperationsAsync(new ListOperationsRequest { TargetId = id })
            .ResponseAsync.WaitAsync(Timeout);

        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
        Assert.Empty(operations.Operations);
    }

    private static string NewHyperRepId() => $"hr-{Guid.NewGuid():N}"[..20];
}
