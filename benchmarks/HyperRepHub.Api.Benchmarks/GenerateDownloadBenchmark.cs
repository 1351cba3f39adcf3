using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using HyperRepHub.Api.V1;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Checkpoints;

namespace HyperRepHub.Api.Benchmarks;

/// <summary>
/// Times GeneratePopulation followed by DownloadWeights of the whole population over loopback gRPC, from several
/// concurrent clients, against a hyper-representation trained for two epochs on a zoo of random CNN-s weights.
/// </summary>
internal static class GenerateDownloadBenchmark
{
    public static async Task<int> RunAsync(int calls, int clients, int count)
    {
        await using var server = new BenchmarkServer();
        await server.StartAsync();
        using var channel = GrpcChannel.ForAddress(server.Address);
        string hyperRepId = await PrepareAsync(channel);
        await GenerateAndDownloadAsync(channel, hyperRepId, count, seed: 0); // warm-up, not measured

        var latencies = new double[calls];
        int next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int call;
            while ((call = Interlocked.Increment(ref next)) < calls)
            {
                var watch = Stopwatch.StartNew();
                await GenerateAndDownloadAsync(channel, hyperRepId, count, seed: call + 1);
                latencies[call] = watch.Elapsed.TotalMilliseconds;
            }
        })));
        total.Stop();
        Array.Sort(latencies);
        Console.WriteLine($"calls {calls}, clients {clients}, models per call {count}");
        Console.WriteLine($"total s {total.Elapsed.TotalSeconds:F1}, calls/s {calls / total.Elapsed.TotalSeconds:F2}");
        Console.WriteLine($"p50 ms {Percentile(latencies, 0.50):F0}, p95 ms {Percentile(latencies, 0.95):F0}, " +
            $"max ms {latencies[^1]:F0}");
        return 0;
    }

    private static async Task GenerateAndDownloadAsync(GrpcChannel channel, string hyperRepId, int count, int seed)
    {
        var populations = new PopulationService.PopulationServiceClient(channel);
        var population = await populations.GeneratePopulationAsync(new GeneratePopulationRequest
        {
            HyperRepresentationId = hyperRepId, Method = SamplingMethod.Kde, Count = count, Seed = seed,
        });
        using var call = populations.DownloadWeights(new DownloadWeightsRequest
        {
            PopulationId = population.PopulationId,
        });
        int models = 0;
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            models += message.ContentCase == DownloadWeightsResponse.ContentOneofCase.Header ? 1 : 0;
        }

        if (models != count)
        {
            throw new InvalidOperationException($"Downloaded {models} models, expected {count}.");
        }
    }

    private static async Task<string> PrepareAsync(GrpcChannel channel)
    {
        var zoos = new ZooService.ZooServiceClient(channel);
        string zooId = "bench-zoo";
        await zoos.CreateZooAsync(new CreateZooRequest { ZooId = zooId, Architecture = "cnn-s", Dataset = "mnist" });
        var random = new Random(1);
        for (int model = 0; model < 20; model++)
        {
            var weights = Enumerable.Range(0, BuiltInArchitectures.CnnSmall.ParameterCount)
                .Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            var file = new MemoryStream();
            await SafetensorsCheckpointWriter.WriteAsync(file, BuiltInArchitectures.CnnSmall, weights);
            using var upload = zoos.UploadModel();
            await upload.RequestStream.WriteAsync(new UploadModelRequest
            {
                Metadata = new UploadModelMetadata
                {
                    ZooId = zooId, ModelId = $"model-{model}", Epoch = 21, Format = CheckpointFormat.Safetensors,
                    TestAccuracy = random.NextDouble(),
                },
            });
            var chunk = new UploadModelRequest { Chunk = ByteString.CopyFrom(file.ToArray()) };
            await upload.RequestStream.WriteAsync(chunk);
            await upload.RequestStream.CompleteAsync();
            await upload;
        }

        var config = new HyperRepresentationConfig { Epochs = 2, BatchSize = 4 };
        config.ZooEpochs.Add(21);
        var hyperReps = new HyperRepresentationService.HyperRepresentationServiceClient(channel);
        var training = await hyperReps.TrainHyperRepresentationAsync(
            new TrainHyperRepresentationRequest { ZooId = zooId, Config = config });
        var operations = new OperationService.OperationServiceClient(channel);
        using var watch = operations.WatchOperation(new WatchOperationRequest { Id = training.OperationId });
        await foreach (var status in watch.ResponseStream.ReadAllAsync())
        {
            if (status.State is OperationState.Failed or OperationState.Cancelled)
            {
                throw new InvalidOperationException($"Training failed: {status.Error}");
            }
        }

        return training.HyperRepresentationId;
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];
}
