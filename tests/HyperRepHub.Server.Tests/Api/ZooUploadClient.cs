using Google.Protobuf;
using Grpc.Core;
using HyperRepHub.Api.V1;
using ZooClient = HyperRepHub.Api.V1.ZooService.ZooServiceClient;

namespace HyperRepHub.Server.Tests.Api;

/// <summary>Sends checkpoint uploads the way a client does: metadata first, then chunks.</summary>
internal static class ZooUploadClient
{
    public const int ChunkBytes = 1024;

    public static UploadModelMetadata Metadata(string zooId, string modelId, int epoch,
        CheckpointFormat format = CheckpointFormat.Safetensors) => new()
    {
        ZooId = zooId, ModelId = modelId, Epoch = epoch, Format = format, TestAccuracy = 0.5, Seed = 1,
    };

    public static async Task<UploadModelResponse> UploadAsync(ZooClient client,
        UploadModelMetadata metadata, byte[] file, CancellationToken cancellationToken = default)
    {
        using var call = client.UploadModel(deadline: DateTime.UtcNow.AddSeconds(60),
            cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new UploadModelRequest { Metadata = metadata }, cancellationToken);
        for (int offset = 0; offset < file.Length; offset += ChunkBytes)
        {
            var chunk = ByteString.CopyFrom(file, offset, Math.Min(ChunkBytes, file.Length - offset));
            await call.RequestStream.WriteAsync(new UploadModelRequest { Chunk = chunk }, cancellationToken);
        }

        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    public static async Task<byte[]> DownloadAsync(ZooClient client,
        string zooId, string modelId, int epoch)
    {
        var request = new DownloadModelRequest { ZooId = zooId, ModelId = modelId, Epoch = epoch };
        using var call = client.DownloadModel(request, deadline: DateTime.UtcNow.AddSeconds(30));
        var file = new MemoryStream();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            message.Chunk.WriteTo(file);
        }

        return file.ToArray();
    }
}
