using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using HyperRepHub.Api.V1;

namespace HyperRepHub.Cli.Tests;

/// <summary>Records every upload: the metadata and the bytes, per model id.</summary>
internal sealed class RecordingZooService(TransferLog log) : ZooService.ZooServiceBase
{
    public override async Task<UploadModelResponse> UploadModel(
        IAsyncStreamReader<UploadModelRequest> requestStream, ServerCallContext context)
    {
        UploadModelMetadata? metadata = null;
        using var bytes = new MemoryStream();
        await foreach (var message in requestStream.ReadAllAsync())
        {
            if (message.ContentCase == UploadModelRequest.ContentOneofCase.Metadata)
            {
                metadata = message.Metadata;
            }
            else
            {
                log.ChunkSizes.Add(message.Chunk.Length);
                message.Chunk.WriteTo(bytes);
            }
        }

        log.Uploads[metadata!.ModelId] = (metadata, bytes.ToArray());
        return new UploadModelResponse { ZooId = metadata.ZooId, ModelId = metadata.ModelId, Created = true };
    }
}

/// <summary>Streams a fixed set of files as a population download.</summary>
internal sealed class FixedPopulationService(TransferLog log) : PopulationService.PopulationServiceBase
{
    public override async Task DownloadWeights(
        DownloadWeightsRequest request, IServerStreamWriter<DownloadWeightsResponse> responseStream,
        ServerCallContext context)
    {
        var index = 0;
        foreach (var (name, content) in log.Downloads)
        {
            await responseStream.WriteAsync(new DownloadWeightsResponse
            {
                Header = new ModelHeader { Index = index++, FileName = name, SizeBytes = content.Length },
            });
            for (var offset = 0; offset < content.Length; offset += 3)
            {
                var length = Math.Min(3, content.Length - offset);
                await responseStream.WriteAsync(new DownloadWeightsResponse
                {
                    Chunk = ByteString.CopyFrom(content, offset, length),
                });
            }
        }
    }
}

/// <summary>What the transfer services received, and what they send.</summary>
internal sealed class TransferLog
{
    public ConcurrentDictionary<string, (UploadModelMetadata Metadata, byte[] Bytes)> Uploads { get; } = new();

    public ConcurrentBag<int> ChunkSizes { get; } = [];

    public List<(string Name, byte[] Content)> Downloads { get; } = [];
}
