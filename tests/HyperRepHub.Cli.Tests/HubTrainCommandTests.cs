using System.Collections.Concurrent;
using Grpc.Core;
using HyperRepHub.Api.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HyperRepHub.Cli.Tests;

/// <summary>The hub commands forward the options they share with the local ones, with the same defaults.</summary>
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

    [Fact]
    public async Task HyperRepTrain_Defaults_SendsCpuPreset()
    {
        var requests = new TrainingRequests();
        await using var hub = await StartAsync(requests);

        var (exitCode, _, error) = await HyperrepProcess.RunAsync(
            "hyper-rep", "train", "--zoo-id", "zoo-a", "--hub", hub.Address.ToString());

        Assert.True(exitCode == 0, error);
        var config = Assert.Single(requests.HyperReps).Config;
        Assert.Equal(64, config.DModel);
        Assert.Equal(128, config.FeedForward);
        Assert.Equal(32, config.LatentDimension);
        Assert.Equal(0.2, config.Dropout);
        Assert.False(config.ReconstructAugmentedViews);
        Assert.Equal(32, config.BatchSize);
        Assert.Equal(400, config.Epochs);
        Assert.Equal(0, config.EarlyStoppingPatience);
        Assert.Equal(1, config.PlateauFactor);
        Assert.Equal(0, config.PermutationProbability);
        Assert.False(config.DisableInputNormalisation);
        Assert.False(config.KeepBestValidation);
        Assert.Equal(1e-3, config.LearningRate);
        Assert.Equal(42, config.Seed);
        Assert.False(config.DisableLayerWiseNormalisation);
        Assert.False(config.LayerMeanReduction);
    }

    [Fact]
    public async Task HyperRepTrain_PresetAndOverrides_Forwarded()
    {
        var requests = new TrainingRequests();
        await using var hub = await StartAsync(requests);

        var (exitCode, _, error) = await HyperrepProcess.RunAsync("hyper-rep", "train", "--zoo-id", "zoo-a",
            "--preset", "paper", "--feed-forward", "64", "--reduction", "LayerMean", "--no-lwln", "--seed", "7",
            "--zoo-epochs", "3", "4", "--hub", hub.Address.ToString());

        Assert.True(exitCode == 0, error);
        var request = Assert.Single(requests.HyperReps);
        Assert.Equal(800, request.Config.DModel);
        Assert.Equal(64, request.Config.FeedForward);
        Assert.Equal(700, request.Config.LatentDimension);
        Assert.True(request.Config.LayerMeanReduction);
        Assert.True(request.Config.DisableLayerWiseNormalisation);
        Assert.Equal(7, request.Config.Seed);
        Assert.Equal([3, 4], request.Config.ZooEpochs);
    }

    [Fact]
    public async Task HyperRepTrain_TrainingSwitches_Forwarded()
    {
        var requests = new TrainingRequests();
        await using var hub = await StartAsync(requests);

        var (exitCode, _, error) = await HyperrepProcess.RunAsync("hyper-rep", "train", "--zoo-id", "zoo-a",
            "--permutation", "0.5", "--normalize-inputs", "false", "--keep-best", "true",
            "--align-neurons", "false", "--latent-noise", "0.25", "--denoise", "false", "--input-noise", "0.01",
            "--hub", hub.Address.ToString());

        Assert.True(exitCode == 0, error);
        var config = Assert.Single(requests.HyperReps).Config;
        Assert.Equal(0.5, config.PermutationProbability);
        Assert.True(config.DisableInputNormalisation);
        Assert.True(config.KeepBestValidation);
        Assert.True(config.DisableNeuronAlignment);
        Assert.Equal(0.25, config.LatentNoise);
        Assert.True(config.ReconstructAugmentedViews);
        Assert.Equal(0.01, config.NoiseStd);
    }

    [Fact]
    public async Task Generate_Defaults_MatchSampleCommand()
    {
        var requests = new TrainingRequests();
        await using var hub = await StartAsync(requests);

        var (exitCode, output, error) = await HyperrepProcess.RunAsync(
            "generate", "--hyper-rep", "hr-a", "--hub", hub.Address.ToString());

        Assert.True(exitCode == 0, error);
        var request = Assert.Single(requests.Generations);
        Assert.Equal(0.3, request.TopFraction);
        Assert.Equal(1, request.Seed);
        Assert.Equal(50, request.Count);
        Assert.Equal(SamplingMethod.Kde, request.Method);
        Assert.True(request.Evaluate);
        Assert.Equal(1000, request.EvaluateTestImages);
        Assert.Contains("pop-a", output);
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
                app.MapGrpcService<RecordingPopulations>();
                app.MapGrpcService<RecordingHyperRepTraining>();
                app.MapGrpcService<ScriptedOperationService>();
            },
            services => services.AddSingleton(requests).AddSingleton(script));
    }

    /// <summary>The training requests the test hub received.</summary>
    private sealed class TrainingRequests
    {
        public ConcurrentQueue<TrainZooRequest> Zoos { get; } = new();

        public ConcurrentQueue<FineTunePopulationRequest> FineTunes { get; } = new();

        public ConcurrentQueue<TrainHyperRepresentationRequest> HyperReps { get; } = new();

        public ConcurrentQueue<GeneratePopulationRequest> Generations { get; } = new();
    }

    /// <summary>A hyper-representation service that records each training request.</summary>
    private sealed class RecordingHyperRepTraining(TrainingRequests requests)
        : HyperRepresentationService.HyperRepresentationServiceBase
    {
        public override Task<TrainHyperRepresentationResponse> TrainHyperRepresentation(
            TrainHyperRepresentationRequest request, ServerCallContext context)
        {
            requests.HyperReps.Enqueue(request);
            return Task.FromResult(new TrainHyperRepresentationResponse
            {
                HyperRepresentationId = "hr-a", OperationId = "op-hyper-rep",
            });
        }
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

    /// <summary>A population service that records each fine-tuning and generation request.</summary>
    private sealed class RecordingPopulations(TrainingRequests requests) : PopulationService.PopulationServiceBase
    {
        public override Task<Population> GeneratePopulation(GeneratePopulationRequest request,
            ServerCallContext context)
        {
            requests.Generations.Enqueue(request);
            return Task.FromResult(new Population
            {
                PopulationId = "pop-a", HyperRepresentationId = request.HyperRepresentationId, Count = request.Count,
                Method = request.Method,
            });
        }

        public override Task<FineTunePopulationResponse> FineTunePopulation(FineTunePopulationRequest request,
            ServerCallContext context)
        {
            requests.FineTunes.Enqueue(request);
            return Task.FromResult(new FineTunePopulationResponse { OperationId = "op-finetune" });
        }
    }
}
