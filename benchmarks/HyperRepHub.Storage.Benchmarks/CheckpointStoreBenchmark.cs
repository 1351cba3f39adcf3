using System.Diagnostics;
using Azure.Storage.Blobs;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Checkpoints;
using HyperRepHub.Storage.Local;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Storage.Benchmarks;

/// <summary>
/// Uploads, re-uploads and downloads CNN-s safetensors files through <see cref="AzureBlobCheckpointStore"/> on an
/// Azurite it starts on free ports, and prints one Markdown table row per phase.
/// </summary>
internal static class CheckpointStoreBenchmark
{
    private const int LargeBlobBytes = 32 * 1024 * 1024;

    public static async Task RunAsync(int files, int concurrency, TextWriter output)
    {
        string dataDirectory = Path.Combine(Path.GetTempPath(), "hyperrephub-storage-bench", Guid.NewGuid().ToString("N"));
        await using var launcher = new AzuriteLauncher(
            Options.Create(new AzuriteOptions { DataDirectory = dataDirectory, BlobPort = 0, QueuePort = 0, TablePort = 0 }),
            NullLogger<AzuriteLauncher>.Instance);
        var endpoints = await launcher.StartAsync();
        var store = new AzureBlobCheckpointStore(new BlobServiceClient(endpoints.ConnectionString),
            Options.Create(new StorageOptions()), NullLogger<AzureBlobCheckpointStore>.Instance);

        var checkpoints = await CreateCheckpointsAsync(files);
        string prefix = $"bench/{Guid.NewGuid():N}/";

        // One unmeasured upload and download creates the container and warms up the JIT and the connections.
        await store.UploadAsync(CheckpointContainers.Zoos, prefix + "warm-up", new MemoryStream(checkpoints[0]));
        await (await store.OpenReadAsync(CheckpointContainers.Zoos, prefix + "warm-up")).DisposeAsync();
        output.WriteLine($"{files} CNN-s checkpoints of {checkpoints[0].Length} bytes, {concurrency} concurrent " +
            $"operations, Azurite on 127.0.0.1:{endpoints.BlobPort}");
        output.WriteLine("| phase | total s | files/s | MB/s | p50 ms | p95 ms |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- |");

        await MeasureAsync("upload", checkpoints, concurrency, output, (bytes, i) =>
            store.UploadAsync(CheckpointContainers.Zoos, $"{prefix}{i}.safetensors", new MemoryStream(bytes)));
        await MeasureAsync("re-upload (unchanged)", checkpoints, concurrency, output, (bytes, i) =>
            store.UploadAsync(CheckpointContainers.Zoos, $"{prefix}{i}.safetensors", new MemoryStream(bytes)));
        await MeasureAsync("download + validate", checkpoints, concurrency, output, async (_, i) =>
        {
            await using var stream = await store.OpenReadAsync(CheckpointContainers.Zoos, $"{prefix}{i}.safetensors");
            await SafetensorsCheckpointReader.ReadAsync(stream, BuiltInArchitectures.CnnSmall);
        });

        await MeasureLargeBlobAsync(store, prefix, LargeBlobBytes, output);
        await launcher.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private static async Task<byte[][]> CreateCheckpointsAsync(int files)
    {
        var architecture = BuiltInArchitectures.CnnSmall;
        var random = new Random(42);
        var checkpoints = new byte[files][];
        for (int i = 0; i < files; i++)
        {
            float[] weights = new float[architecture.ParameterCount];
            for (int j = 0; j < weights.Length; j++)
            {
                weights[j] = random.NextSingle() - 0.5f;
            }

            using var file = new MemoryStream();
            await SafetensorsCheckpointWriter.WriteAsync(file, architecture, weights);
            checkpoints[i] = file.ToArray();
        }

        return checkpoints;
    }

    private static async Task MeasureAsync(string phase, byte[][] checkpoints, int concurrency, TextWriter output,
        Func<byte[], int, Task> operation)
    {
        var latencies = new double[checkpoints.Length];
        var total = Stopwatch.StartNew();
        await Parallel.ForAsync(0, checkpoints.Length, new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (i, _) =>
            {
                var watch = Stopwatch.StartNew();
                await operation(checkpoints[i], i);
                latencies[i] = watch.Elapsed.TotalMilliseconds;
            });
        double seconds = total.Elapsed.TotalSeconds;
        long bytes = checkpoints.Sum(c => (long)c.Length);
        Array.Sort(latencies);
        output.WriteLine($"| {phase} | {seconds:F2} | {checkpoints.Length / seconds:F0} | " +
            $"{bytes / seconds / 1e6:F2} | {Percentile(latencies, 0.50):F1} | {Percentile(latencies, 0.95):F1} |");
    }

    /// <summary>Times one upload and one download of a blob that spans several 4 MiB blocks.</summary>
    private static async Task MeasureLargeBlobAsync(
        AzureBlobCheckpointStore store, string prefix, int size, TextWriter output)
    {
        byte[] content = new byte[size];
        new Random(7).NextBytes(content);
        string name = prefix + "large.bin";

        var watch = Stopwatch.StartNew();
        await store.UploadAsync(CheckpointContainers.Populations, name, new MemoryStream(content));
        double uploadSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        await using (var stream = await store.OpenReadAsync(CheckpointContainers.Populations, name))
        {
            await stream.CopyToAsync(Stream.Null);
        }

        double downloadSeconds = watch.Elapsed.TotalSeconds;
        output.WriteLine();
        output.WriteLine($"One {size / (1024 * 1024)} MiB blob: upload {uploadSeconds:F2} s " +
            $"({size / uploadSeconds / 1e6:F1} MB/s), download with hash check {downloadSeconds:F2} s " +
            $"({size / downloadSeconds / 1e6:F1} MB/s).");
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
