using Google.Protobuf;
using Grpc.Core;
using HyperRepHub.Api.V1;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Grains.Zoos;
using HyperRepHub.Storage;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Server.Services;

/// <summary>The gRPC zoo API: create, upload, get, list and download; long work runs as operations.</summary>
public sealed partial class ZooService(
    IGrainFactory grainFactory,
    ZooCheckpointImporter importer,
    ICheckpointStore store,
    IOptions<ZooUploadOptions> options,
    ILogger<ZooService> logger) : Api.V1.ZooService.ZooServiceBase
{
    private const int DownloadChunkBytes = 64 * 1024;

    /// <inheritdoc/>
    public override async Task<Zoo> CreateZoo(CreateZooRequest request, ServerCallContext context)
    {
        ResourceIds.Validate("zoo_id", request.ZooId);
        var definition = new ZooDefinition(ResolveArchitecture(request).ToJson(), request.Dataset, request.Description);
        var details = await grainFactory.GetGrain<IZooGrain>(request.ZooId).CreateAsync(definition);
        Log.ZooCreated(logger, request.ZooId);
        return ZooMessages.ToMessage(details);
    }

    /// <inheritdoc/>
    public override async Task<UploadModelResponse> UploadModel(IAsyncStreamReader<UploadModelRequest> requestStream,
        ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var metadata = await ReadMetadataAsync(requestStream, cancellationToken);
        var upload = ToUpload(metadata);
        long limit = options.Value.MaxCheckpointBytes;
        if (metadata.SizeBytes > limit)
        {
            throw new HubException(HubErrorKind.ResourceExhausted,
                $"The checkpoint is {metadata.SizeBytes} bytes, over the limit of {limit} bytes.");
        }

        string path = ZooUploadFiles.NewTemporaryPath(
            upload.Format == CheckpointFileFormat.Safetensors ? ".safetensors" : ".pt");
        try
        {
            await ZooUploadFiles.ReceiveAsync(requestStream,
                r => r.ContentCase == UploadModelRequest.ContentOneofCase.Chunk ? r.Chunk : null,
                path, limit, "checkpoint", cancellationToken);
            var result = await importer.ImportAsync(upload, path, cancellationToken);
            return new UploadModelResponse
            {
                ZooId = upload.ZooId,
                ModelId = upload.ModelId,
                Epoch = upload.Epoch,
                SizeBytes = result.Checkpoint.SizeBytes,
                Sha256 = result.Checkpoint.Sha256,
                Created = result.Created,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.UploadCancelled(logger, upload.ZooId, upload.ModelId, upload.Epoch);
            throw;
        }
        finally
        {
            ZooUploadFiles.Delete(path);
        }
    }

    /// <inheritdoc/>
    public override async Task<Zoo> GetZoo(GetZooRequest request, ServerCallContext context) =>
        ZooMessages.ToMessage(await grainFactory.GetGrain<IZooGrain>(request.ZooId).GetAsync());

    /// <inheritdoc/>
    public override async Task<ListZoosResponse> ListZoos(ListZoosRequest request, ServerCallContext context)
    {
        var ids = await grainFactory.GetGrain<IZooIndexGrain>(IZooIndexGrain.Key).ListAsync();
        var zoos = await Task.WhenAll(ids.Select(id => grainFactory.GetGrain<IZooGrain>(id).GetAsync()));
        var response = new ListZoosResponse();
        response.Zoos.Add(zoos.Select(ZooMessages.ToMessage));
        return response;
    }

    /// <inheritdoc/>
    public override async Task DownloadModel(DownloadModelRequest request,
        IServerStreamWriter<DownloadModelResponse> responseStream, ServerCallContext context)
    {
        var checkpoint = await grainFactory.GetGrain<IZooGrain>(request.ZooId)
            .GetCheckpointAsync(request.ModelId, request.Epoch);
        await using var blob = await store.OpenReadAsync(CheckpointContainers.Zoos, checkpoint.BlobName,
            context.CancellationToken);
        var buffer = new byte[DownloadChunkBytes];
        int read;
        while ((read = await blob.ReadAsync(buffer, context.CancellationToken)) > 0)
        {
            await responseStream.WriteAsync(new DownloadModelResponse { Chunk = ByteString.CopyFrom(buffer, 0, read) });
        }
    }

    private static async Task<UploadModelMetadata> ReadMetadataAsync(
        IAsyncStreamReader<UploadModelRequest> requestStream, CancellationToken cancellationToken)
    {
        if (!await requestStream.MoveNext(cancellationToken) ||
            requestStream.Current.ContentCase != UploadModelRequest.ContentOneofCase.Metadata)
        {
            throw HubException.InvalidArgument("metadata",
                "the first message of an upload must carry the metadata (zoo_id, model_id, epoch, format).");
        }

        return requestStream.Current.Metadata;
    }

    private static ZooUpload ToUpload(UploadModelMetadata metadata)
    {
        ResourceIds.Validate("zoo_id", metadata.ZooId);
        var format = metadata.Format switch
        {
            CheckpointFormat.Safetensors => CheckpointFileFormat.Safetensors,
            CheckpointFormat.Pytorch => CheckpointFileFormat.PyTorch,
            _ => throw HubException.InvalidArgument("format",
                "set CHECKPOINT_FORMAT_SAFETENSORS or CHECKPOINT_FORMAT_PYTORCH."),
        };
        return new ZooUpload(metadata.ZooId, metadata.ModelId, metadata.Epoch, format, metadata.TestAccuracy,
            metadata.Seed);
    }

    private static ArchitectureSpec ResolveArchitecture(CreateZooRequest request)
    {
        bool hasName = request.Architecture.Length > 0;
        bool hasJson = request.ArchitectureJson.Length > 0;
        if (hasName == hasJson)
        {
            throw HubException.InvalidArgument("architecture",
                "set exactly one of architecture (a built-in name such as cnn-s) and architecture_json.");
        }

        try
        {
            return hasName
                ? BuiltInArchitectures.Get(request.Architecture)
                : ArchitectureSpec.FromJson(request.ArchitectureJson);
        }
        catch (ArchitectureException ex)
        {
            throw HubException.InvalidArgument(hasName ? "architecture" : "architecture_json", ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Zoo {ZooId} created")]
        public static partial void ZooCreated(ILogger logger, string zooId);

        [LoggerMessage(2, LogLevel.Information,
            "Upload of zoo {ZooId}, model {ModelId}, epoch {Epoch} cancelled by the client; nothing was stored")]
        public static partial void UploadCancelled(ILogger logger, string zooId, string modelId, int epoch);

        [LoggerMessage(3, LogLevel.Information,
            "Imported {Models} models and {Checkpoints} checkpoints into zoo {ZooId}")]
        public static partial void ZooImported(ILogger logger, string zooId, int models, int checkpoints);
    }
}
