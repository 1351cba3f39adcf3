using Grpc.Core;
using HyperRepHub.Api.V1;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Checkpoints;
using HyperRepClient = HyperRepHub.Api.V1.HyperRepresentationService.HyperRepresentationServiceClient;
using OperationClient = HyperRepHub.Api.V1.OperationService.OperationServiceClient;
using PopulationClient = HyperRepHub.Api.V1.PopulationService.PopulationServiceClient;
using ZooClient = HyperRepHub.Api.V1.ZooService.ZooServiceClient;

namespace HyperRepHub.Server.Tests.Api;

[Collection(ApiServerCollection.Name)]
public sealed class EndToEndTests(ApiServerFixture server)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly ZooClient _zoos = new(server.Channel);
    private readonly HyperRepClient _hyperReps = new(server.Channel);
    private readonly PopulationClient _populations = new(server.Channel);
    private readonly OperationClient _operations = new(server.Channel);

    [Fact]
    public async Task EndToEnd_TinyZoo_ProducesLoadableWeights()
    {
        string zooId = await TinyZoo.UploadAsync(_zoos).WaitAsync(Timeout);

        var training = await _hyperReps.TrainHyperRepresentationAsync(new TrainHyperRepresentationRequest
        {
            ZooId = zooId, Config = TinyZoo.TinyConfig(),
        }).ResponseAsync.WaitAsync(Timeout);
        var statuses = await WatchAsync(training.OperationId).WaitAsync(Timeout);
        var hyperRep = await _hyperReps.GetHyperRepresentationAsync(new GetHyperRepresentationRequest
        {
            HyperRepresentationId = training.HyperRepresentationId,
        }).ResponseAsync.WaitAsync(Timeout);
        var population = await _populations.GeneratePopulationAsync(new GeneratePopulationRequest
        {
            HyperRepresentationId = training.HyperRepresentationId, Method = SamplingMethod.Kde, Count = 5, Seed = 3,
            Evaluate = true, EvaluateTestImages = 200,
        }).ResponseAsync.WaitAsync(Timeout);
        var statistics = await _populations.GetPopulationStatisticsAsync(new GetPopulationStatisticsRequest
        {
            PopulationId = population.PopulationId,
        }).ResponseAsync.WaitAsync(Timeout);
        var files = await DownloadAsync(population.PopulationId, epoch: 0).WaitAsync(Timeout);
        var earlyEnsemble = new EvaluateEnsembleRequest
        {
            PopulationId = population.PopulationId, Dataset = "mnist", Epoch = 1, TestImages = 200,
        };
        earlyEnsemble.Sizes.Add(1);
        var earlyError = await Assert.ThrowsAsync<RpcException>(
            () => _populations.EvaluateEnsembleAsync(earlyEnsemble).ResponseAsync.WaitAsync(Timeout));
        var fineTune = await _populations.FineTunePopulationAsync(new FineTunePopulationRequest
        {
            PopulationId = population.PopulationId, Dataset = "mnist", Epochs = 1, TrainImages = 200, TestImages = 200,
        }).ResponseAsync.WaitAsync(Timeout);
        var fineTuneStatuses = await WatchAsync(fineTune.OperationId).WaitAsync(Timeout);
        var tuned = await _populations.GetPopulationStatisticsAsync(new GetPopulationStatisticsRequest
        {
            PopulationId = population.PopulationId,
        }).ResponseAsync.WaitAsync(Timeout);
        var tunedFiles = await DownloadAsync(population.PopulationId, epoch: 1).WaitAsync(Timeout);
        var ensembleRequest = new EvaluateEnsembleRequest
        {
            PopulationId = population.PopulationId, Dataset = "mnist", Epoch = 1, TestImages = 200,
        };
        ensembleRequest.Sizes.Add([1, 3, 5]);
        var ensemble = await _populations.EvaluateEnsembleAsync(ensembleRequest).ResponseAsync.WaitAsync(Timeout);
        var ensembleStatuses = await WatchAsync(ensemble.OperationId).WaitAsync(Timeout);
        var final = await _populations.GetPopulationStatisticsAsync(new GetPopulationStatisticsRequest
        {
            PopulationId = population.PopulationId,
        }).ResponseAsync.WaitAsync(Timeout);

        Assert.Equal(OperationState.Succeeded, statuses[^1].State);
        Assert.Contains(statuses, s => s.Metrics.ContainsKey("validation_r2"));
        Assert.Equal(HyperRepresentationStatus.Trained, hyperRep.Status);
        Assert.Equal(zooId, hyperRep.ZooId);
        Assert.Equal(5, hyperRep.LayerStd.Count);
        Assert.Equal(zooId, population.ZooId);
        Assert.True(statistics.NoveltyMean > 0);
        var generatedAccuracy = Assert.Single(statistics.Accuracy);
        Assert.Equal(0, generatedAccuracy.Epoch);
        Assert.Equal("mnist", generatedAccuracy.Dataset);
        Assert.InRange(generatedAccuracy.Mean, 0, 1);
        Assert.InRange(generatedAccuracy.Min, 0, generatedAccuracy.Max);
        Assert.Equal(5, files.Count);
        Assert.Equal(StatusCode.FailedPrecondition, earlyError.StatusCode);
        Assert.Contains("no weights at epoch 1", earlyError.Status.Detail);
        foreach (var file in files)
        {
            var checkpoint = await SafetensorsCheckpointReader.ReadAsync(new MemoryStream(file),
                BuiltInArchitectures.CnnSmall);
            Assert.Equal(2464, checkpoint.Weights.Length);
        }

        Assert.Equal(OperationState.Succeeded, fineTuneStatuses[^1].State);
        Assert.Contains(fineTuneStatuses, s => s.Metrics.ContainsKey("mean_accuracy"));
        Assert.Equal([0, 1], tuned.Accuracy.Select(a => a.Epoch));
        Assert.All(tuned.Accuracy, a => Assert.InRange(a.Mean, 0, 1));
        Assert.Equal(5, tunedFiles.Count);
        Assert.NotEqual(files[0], tunedFiles[0]);
        Assert.Equal(OperationState.Succeeded, ensembleStatuses[^1].State);
        Assert.Equal([1, 3, 5], final.Ensemble.Select(p => p.Size));
        Assert.All(final.Ensemble, p => Assert.InRange(p.Accuracy, 0, 1));
    }

    [Fact]
    public async Task GeneratePopulation_WhileTraining_FailsPrecondition()
    {
        string zooId = await TinyZoo.UploadAsync(_zoos).WaitAsync(Timeout);
        var training = await _hyperReps.TrainHyperRepresentationAsync(new TrainHyperRepresentationRequest
        {
            ZooId = zooId, Config = TinyZoo.TinyConfig(epochs: 10_000),
        }).ResponseAsync.WaitAsync(Timeout);

        var error = await Assert.ThrowsAsync<RpcException>(() => _populations.GeneratePopulationAsync(
            new GeneratePopulationRequest
            {
                HyperRepresentationId = training.HyperRepresentationId, Method = SamplingMethod.Kde, Count = 1,
            }).ResponseAsync.WaitAsync(Timeout));
        await _operations.CancelOperationAsync(new CancelOperationRequest { Id = training.OperationId });

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains(training.OperationId, error.Status.Detail);
    }

    [Theory]
    [InlineData("hr-unknown-id", 5, StatusCode.NotFound, "hr-unknown-id")]
    [InlineData("hr-unknown-id", 0, StatusCode.InvalidArgument, "count")]
    [InlineData("Not An Id", 5, StatusCode.InvalidArgument, "hyper_representation_id")]
    public async Task GeneratePopulation_BadRequest_NamesCause(string id, int count, StatusCode code,
        string expected)
    {
        var request = new GeneratePopulationRequest
        {
            HyperRepresentationId = id, Method = SamplingMethod.Kde, Count = count,
        };

        var error = await Assert.ThrowsAsync<RpcException>(
            () => _populations.GeneratePopulationAsync(request).ResponseAsync.WaitAsync(Timeout));

        Assert.Equal(code, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail);
    }

    [Fact]
    public async Task TrainHyperRepresentation_UnknownZoo_ReturnsNotFound()
    {
        var request = new TrainHyperRepresentationRequest
        {
            ZooId = "zoo-never-created", Config = TinyZoo.TinyConfig(),
        };

        var error = await Assert.ThrowsAsync<RpcException>(
            () => _hyperReps.TrainHyperRepresentationAsync(request).ResponseAsync.WaitAsync(Timeout));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("zoo-never-created", error.Status.Detail);
    }

    [Fact]
    public async Task TrainHyperRepresentation_BadHeads_ReturnsInvalidArgument()
    {
        var config = TinyZoo.TinyConfig();
        config.Heads = 3;
        var request = new TrainHyperRepresentationRequest { ZooId = "zoo-any-id", Config = config };

        var error = await Assert.ThrowsAsync<RpcException>(
            () => _hyperReps.TrainHyperRepresentationAsync(request).ResponseAsync.WaitAsync(Timeout));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("Heads", error.Status.Detail);
    }

    private async Task<List<Operation>> WatchAsync(string operationId)
    {
        using var call = _operations.WatchOperation(new WatchOperationRequest { Id = operationId });
        var statuses = new List<Operation>();
        await foreach (var status in call.ResponseStream.ReadAllAsync())
        {
            statuses.Add(status);
        }

        return statuses;
    }

    private async Task<List<byte[]>> DownloadAsync(string populationId, int epoch)
    {
        var request = new DownloadWeightsRequest { PopulationId = populationId, Epoch = epoch };
        using var call = _populations.DownloadWeights(request);
        var files = new List<byte[]>();
        MemoryStream? current = null;
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            if (message.ContentCase == DownloadWeightsResponse.ContentOneofCase.Header)
            {
                current = new MemoryStream();
                files.Add([]);
            }

            message.Chunk.WriteTo(current!);
            files[^1] = current!.ToArray();
        }

        return files;
    }
}
