using HyperRepHub.Api.V1;
using HyperRepHub.Cli.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HyperRepHub.Cli.Tests;

public sealed class TransferTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory.CreateTempSubdirectory("hyperrep-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Task<TestHub> StartAsync(TransferLog log) => TestHub.StartAsync(
        app =>
        {
            app.MapGrpcService<RecordingZooService>();
            app.MapGrpcService<FixedPopulationService>();
        },
        services => services.AddSingleton(log));

    [Fact]
    public async Task UploadModelAsync_SmallChunks_ServerReceivesSameBytesAndMetadata()
    {
        var log = new TransferLog();
        await using var hub = await StartAsync(log);
        using var client = hub.Connect(chunkBytes: 4);
        var path = Path.Combine(_directory, "seed-7.pt");
        var content = Enumerable.Range(0, 10).Select(i => (byte)i).ToArray();
        await File.WriteAllBytesAsync(path, content);

        var created = await client.UploadModelAsync(
            new ZooUploadItem(path, "seed-7", 3, 7, 0.91), "zoo-a").WaitAsync(Timeout);

        Assert.True(created);
        var (metadata, bytes) = log.Uploads["seed-7"];
        Assert.Equal(content, bytes);
        Assert.Equal([2, 4, 4], log.ChunkSizes.Order());
        Assert.Equal(CheckpointFormat.Pytorch, metadata.Format);
        Assert.Equal(3, metadata.Epoch);
        Assert.Equal(0.91, metadata.TestAccuracy);
        Assert.Equal(10, metadata.SizeBytes);
    }

    [Fact]
    public async Task DownloadWeightsAsync_TwoModels_WritesOneFilePerHeader()
    {
        var log = new TransferLog();
        log.Downloads.Add(("model-0000.safetensors", [1, 2, 3, 4, 5]));
        log.Downloads.Add(("../escape.safetensors", [9, 8]));
        await using var hub = await StartAsync(log);
        using var client = hub.Connect();

        var files = await client.DownloadWeightsAsync("pop-1", 0, _directory).WaitAsync(Timeout);

        Assert.Equal(["model-0000.safetensors", "escape.safetensors"], files.Select(f => f.FileName));
        Assert.Equal([1, 2, 3, 4, 5], await File.ReadAllBytesAsync(Path.Combine(_directory, "model-0000.safetensors")));
        Assert.Equal([9, 8], await File.ReadAllBytesAsync(Path.Combine(_directory, "escape.safetensors")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_directory)!, "escape.safetensors")));
    }

    [Fact]
    public async Task ListZoosAsync_ServiceNotHosted_ThrowsUnimplementedOneLine()
    {
        await using var hub = await StartAsync(new TransferLog());
        using var client = hub.Connect();

        var error = await Assert.ThrowsAsync<HubClientException>(() => client.ListZoosAsync().WaitAsync(Timeout));

        Assert.Equal(Grpc.Core.StatusCode.Unimplemented, error.Status);
        Assert.StartsWith("Listing zoos failed:", error.Message);
    }
}
