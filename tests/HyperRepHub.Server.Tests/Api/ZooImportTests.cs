using System.Formats.Tar;
using System.IO.Compression;
using Google.Protobuf;
using Grpc.Core;
using HyperRepHub.Api.V1;
using HyperRepHub.Storage;
using ArchiveFormat = HyperRepHub.Api.V1.ImportZooMetadata.Types.ArchiveFormat;
using ZooClient = HyperRepHub.Api.V1.ZooService.ZooServiceClient;

namespace HyperRepHub.Server.Tests.Api;

[Collection(ApiServerCollection.Name)]
public sealed class ZooImportTests(ApiServerFixture server)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly ZooClient _client = new(server.Channel);

    [Fact]
    public async Task ImportZoo_ZipArchive_ImportsEveryCheckpoint()
    {
        string zooId = await CreateZooAsync();
        var archive = new MemoryStream();
        ZipFile.CreateFromDirectory(PublicZooFixture, archive);

        var response = await ImportAsync(zooId, ArchiveFormat.Zip, archive.ToArray()).WaitAsync(Timeout);
        var zoo = await _client.GetZooAsync(new GetZooRequest { ZooId = zooId }).ResponseAsync.WaitAsync(Timeout);

        Assert.Equal(3, response.ModelsImported);
        Assert.Equal(FixtureCheckpointCount(), response.CheckpointsImported);
        var model = Assert.Single(zoo.Models, m => m.ModelId == "nn_tune_trainable_00003_seed-3");
        Assert.Equal(3, model.Seed);
        Assert.Equal(0.8795, model.Checkpoints.Single(c => c.Epoch == 2).TestAccuracy, precision: 4);
    }

    [Fact]
    public async Task ImportZoo_TarGz_ImportsChosenEpochs()
    {
        string zooId = await CreateZooAsync();
        var tar = new MemoryStream();
        await TarFile.CreateFromDirectoryAsync(PublicZooFixture, tar, includeBaseDirectory: true);
        var archive = new MemoryStream();
        await using (var gzip = new GZipStream(archive, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(tar.ToArray());
        }

        var response = await ImportAsync(zooId, ArchiveFormat.Tar, archive.ToArray(), epochs: [1]).WaitAsync(Timeout);
        var zoo = await _client.GetZooAsync(new GetZooRequest { ZooId = zooId }).ResponseAsync.WaitAsync(Timeout);

        Assert.Equal(3, response.ModelsImported);
        Assert.Equal(3, response.CheckpointsImported);
        Assert.All(zoo.Models, m => Assert.Equal(1, Assert.Single(m.Checkpoints).Epoch));
    }

    [Fact]
    public async Task ImportZoo_NotAnArchive_StoresNothing()
    {
        string zooId = await CreateZooAsync();

        var error = await Assert.ThrowsAsync<RpcException>(
            () => ImportAsync(zooId, ArchiveFormat.Zip, new byte[4096]).WaitAsync(Timeout));
        var zoo = await _client.GetZooAsync(new GetZooRequest { ZooId = zooId }).ResponseAsync.WaitAsync(Timeout);
        var blobs = await server.Store.ListAsync(CheckpointContainers.Zoos, zooId + "/").ToListAsync();

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("archive", error.Status.Detail);
        Assert.Empty(zoo.Models);
        Assert.Empty(blobs);
    }

    private static string PublicZooFixture
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
                directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, "tests", "fixtures", "public-zoo");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("tests/fixtures/public-zoo was not found above the test binaries.");
        }
    }

    private static int FixtureCheckpointCount() =>
        Directory.EnumerateFiles(PublicZooFixture, "checkpoints", SearchOption.AllDirectories).Count();

    private async Task<string> CreateZooAsync()
    {
        string zooId = $"zoo-{Guid.NewGuid():N}"[..20];
        var request = new CreateZooRequest { ZooId = zooId, Architecture = "cnn-s", Dataset = "mnist" };
        await _client.CreateZooAsync(request).ResponseAsync.WaitAsync(Timeout);
        return zooId;
    }

    private async Task<ImportZooResponse> ImportAsync(string zooId, ArchiveFormat format, byte[] archive,
        int[]? epochs = null)
    {
        using var call = _client.ImportZoo(deadline: DateTime.UtcNow.Add(Timeout));
        var metadata = new ImportZooMetadata { ZooId = zooId, Format = format };
        metadata.Epochs.Add(epochs ?? []);
        await call.RequestStream.WriteAsync(new ImportZooRequest { Metadata = metadata });
        for (int offset = 0; offset < archive.Length; offset += 64 * 1024)
        {
            int length = Math.Min(64 * 1024, archive.Length - offset);
            var chunk = new ImportZooRequest { Chunk = ByteString.CopyFrom(archive, offset, length) };
            await call.RequestStream.WriteAsync(chunk);
        }

        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }
}
