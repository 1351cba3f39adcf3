using Grpc.Core;
using HyperRepHub.Api.V1;
using Microsoft.AspNetCore.Builder;

namespace HyperRepHub.Cli.Tests;

/// <summary>Hub commands reject invalid input before calling the hub, and print errors on lines of their own.</summary>
public sealed class HubCommandInputTests : IDisposable
{
    // Nothing listens on port 1, so a command that got past its input checks would fail with Unavailable instead.
    private const string UnusedHub = "http://127.0.0.1:1";
    private readonly string _directory = Directory.CreateTempSubdirectory("hyperrep-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("1001")]
    public async Task Ops_LimitOutOfRange_FailsBeforeCallingHub(string limit)
    {
        var (exitCode, _, error) = await HyperrepProcess.RunAsync("ops", "--limit", limit, "--hub", UnusedHub);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Invalid --limit {limit}: pass a number from 1 to 1000.", error);
        Assert.DoesNotContain("not reachable", error);
    }

    [Fact]
    public async Task Download_NegativeEpoch_FailsBeforeCallingHub()
    {
        var (exitCode, _, error) = await HyperrepProcess.RunAsync(
            "download", "pop-any", "--out", _directory, "--epoch", "-1", "--hub", UnusedHub);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Invalid --epoch -1", error);
        Assert.DoesNotContain("not reachable", error);
    }

    [Fact]
    public async Task Upload_FailedFile_EndsProgressLine()
    {
        await File.WriteAllBytesAsync(Path.Combine(_directory, "model-a.pt"), [1, 2, 3]);
        await File.WriteAllBytesAsync(Path.Combine(_directory, "model-b.pt"), [4, 5, 6]);
        await using var hub = await TestHub.StartAsync(app => app.MapGrpcService<RejectingZooService>());

        var (exitCode, _, error) = await HyperrepProcess.RunAsync(
            "zoo", "upload", _directory, "--zoo-id", "zoo-a", "--hub", hub.Address.ToString());

        var lines = error.Split('\n', '\r');
        Assert.Equal(1, exitCode);
        Assert.Contains("uploaded 1/2", lines);
        Assert.Contains(lines, line => line.StartsWith("error: ", StringComparison.Ordinal));
    }

    /// <summary>A zoo service that has every zoo and accepts every upload except model-b's.</summary>
    private sealed class RejectingZooService : ZooService.ZooServiceBase
    {
        public override Task<Api.V1.Zoo> GetZoo(GetZooRequest request, ServerCallContext context) =>
            Task.FromResult(new Api.V1.Zoo { ZooId = request.ZooId, Dataset = "mnist" });

        public override async Task<UploadModelResponse> UploadModel(
            IAsyncStreamReader<UploadModelRequest> requestStream, ServerCallContext context)
        {
            UploadModelMetadata? metadata = null;
            await foreach (var message in requestStream.ReadAllAsync())
            {
                metadata ??= message.Metadata;
            }

            return metadata?.ModelId == "model-b"
                ? throw new RpcException(new Status(StatusCode.InvalidArgument, "Invalid checkpoint: test rejection"))
                : new UploadModelResponse { ZooId = metadata?.ZooId ?? "", ModelId = "model-a", Created = true };
        }
    }
}
