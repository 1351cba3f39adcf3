using System.Collections.Concurrent;
using Grpc.Core;
using HyperRepHub.Api.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HyperRepHub.Cli.Tests;

/// <summary>The hub versions of the training commands forward the options they share with the local ones.</summary>
public sealed class HubTrainCommandTests
{
    [Fact]
    public async Task ZooTrain_NoEpochs_SendsFastPresetEpochs()
    {
        var requests = new TrainingRequests();
        await using var hub = await StartAsync(requests);

        var (exitCode, _, error) = await HyperrepProcess.RunAsync(
            "zoo", "train", "--zoo-id", "zoo-a", "--hub", hub.Address.ToString());

        Assert.True(exitCode == 0, error);
        var request = Assert.Single(requests.Zoos);
        Assert.Equal(5, request.Epochs);
        Assert.Equal(10, request.ModelCount);
    }

    [Fact]
    public async Task ZooTrain_PaperPreset_RejectedBeforeCallingHub()
    {
        var requests = new TrainingRequests();
        await using var hub = await StartAsync(requests);

        var (exitCode, _, error) = await HyperrepProcess.RunAsync(
            "zoo", "train", "--zoo-id", "zoo-a", "--preset", "paper", "--hub", hub.Address.ToString());

        Assert.Equal(1, exitCode);
        Assert.Contains("Invalid --preset 'paper'", error);
        Assert.Empty(requests.Zoos);
    }

    [Fact]
    public async Task FineTune_OptimiserOptions_ForwardedToHub()
    {
        var requests = new TrainingRequests();
        await using var hub = await StartAsync(requests);

        var (exitCode, _, error) = await HyperrepProcess.RunAsync("finetune", "--population", "pop-a",
            "--lr", "0.01", "--batch-size", "16", "--train-images", "100", "--hub", hub.Address.ToString());

        Assert.True(exitCode == 0, error);
        var request = Assert.Single(requests.FineTunes);
        Assert.Equal(0.01, request.LearningRate);
        Assert.Equal(16, request.BatchSize);
        Assert.Equal(100, request.TrainImages);
        Assert.Equal("pop-a", request.PopulationId);
    }

    [Fact]
    public async Task FineTune_PresetOnly_SendsPresetOptimiser()
    {
        var requests = new TrainingRequests();
        await using var hub = await StartAsync(requests);

        var (exitCode, _, error) = await HyperrepProcess.RunAsync(
            "finetune", "--population", "pop-a", "--preset", "fast", "--hub", hub.Address.ToString());

        Assert.True(exitCode == 0, error);
        var request = Assert.Single(requests.FineTunes);
        Assert.Equal(1e-3, request.LearningRate);
        Assert.Equal(32, request.BatchSize);
    }

    private static Task<TestHub> StartAsync(TrainingRequests requests)
    {
        var script = new OperationScript
        {
            Fallback = new WatchStep([OperationScript.State(OperationState.Succeeded, 1)], Drop: false),
        };
        return TestHub.StartAsync(
            app =>
            {
                app.MapGrpcService<RecordingZooTraining>();
                app.MapGrpcService<RecordingFineTuning>();
                app.MapGrpcService<ScriptedOperationService>();
            },
            services => services.AddSingleton(requests).AddSingleton(script));
    }

    /// <summary>The training requests the test hub received.</summary>
    private sealed class TrainingRequests
    {
        public ConcurrentQueue<TrainZooRequest> Zoos { get; } = new();

        public ConcurrentQueue<FineTunePopulationRequest> FineTunes { get; } = new();
    }

    /// <summary>A zoo service that has every zoo and records each training request.</summary>
    private sealed class RecordingZooTraining(TrainingRequests requests) : ZooService.ZooServiceBase
    {
        public override Task<Api.V1.Zoo> GetZoo(GetZooRequest request, ServerCallContext context) =>
            Task.FromResult(new Api.V1.Zoo { ZooId = request.ZooId, Dataset = "mnist" });

        public override Task<TrainZooResponse> TrainZoo(TrainZooRequest request, ServerCallContext context)
        {
            requests.Zoos.Enqueue(request);
            return Task.FromResult(new TrainZooResponse { OperationId = "op-zoo" });
        }
    }

    /// <summary>A population service that records each fine-tuning request.</summary>
    private sealed class RecordingFineTuning(TrainingRequests requests) : PopulationService.PopulationServiceBase
    {
        public override Task<FineTunePopulationResponse> FineTunePopulation(FineTunePopulationRequest request,
            ServerCallContext context)
        {
            requests.FineTunes.Enqueue(request);
            return Task.FromResult(new FineTunePopulationResponse { OperationId = "op-finetune" });
        }
    }
}
