using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Grpc.Core;
using HyperRepHub.Api.V1;
using HyperRepHub.Core.Zoos;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Grains.Zoos;

namespace HyperRepHub.Server.Services;

public sealed partial class ZooService
{
    /// <inheritdoc/>
    public override async Task<ImportZooResponse> ImportZoo(IAsyncStreamReader<ImportZooRequest> requestStream,
        ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken) ||
            requestStream.Current.ContentCase != ImportZooRequest.ContentOneofCase.Metadata)
        {
            throw HubException.InvalidArgument("metadata",
                "the first message of an import must carry the metadata (zoo_id, format).");
        }

        var metadata = requestStream.Current.Metadata;
        _ = await grainFactory.GetGrain<IZooGrain>(metadata.ZooId).GetAsync();
        string archive = ZooUploadFiles.NewTemporaryPath(".archive");
        string directory = ZooUploadFiles.NewTemporaryPath("");
        try
        {
            await ZooUploadFiles.ReceiveAsync(requestStream,
                r => r.ContentCase == ImportZooRequest.ContentOneofCase.Chunk ? r.Chunk : null,
                archive, options.Value.MaxArchiveBytes, "archive", cancellationToken);
            await ExtractAsync(archive, metadata.Format, directory, cancellationToken);
            return await ImportFoldersAsync(metadata, FindZooRoot(directory), cancellationToken);
        }
        finally
        {
            ZooUploadFiles.Delete(archive);
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private async Task<ImportZooResponse> ImportFoldersAsync(ImportZooMetadata metadata, string root,
        CancellationToken cancellationToken)
    {
        var response = new ImportZooResponse { ZooId = metadata.ZooId };
        foreach (string folder in PublicZooLayout.FindModelFolders(root))
        {
            string modelId = ToModelId(Path.GetFileName(folder));
            var results = PublicZooLayout.ReadResults(folder);
            long seed = PublicZooLayout.ReadSeed(folder) ?? 0;
            foreach (var (epoch, file) in PublicZooLayout.CheckpointFolders(folder))
            {
                if (metadata.Epochs.Count > 0 && !metadata.Epochs.Contains(epoch))
                {
                    continue;
                }

                double accuracy = results.TryGetValue(epoch, out var metrics) ? metrics.TestAccuracy : -1;
                var upload = new ZooUpload(metadata.ZooId, modelId, epoch, CheckpointFileFormat.PyTorch, accuracy,
                    seed);
                await importer.ImportAsync(upload, file, cancellationToken);
                response.CheckpointsImported++;
            }

            response.ModelsImported++;
        }

        Log.ZooImported(logger, metadata.ZooId, response.ModelsImported, response.CheckpointsImported);
        return response;
    }

    // .NET's zip and tar extraction reject entries that would land outside the target folder.
    // NOTE: only the archive's size is limited, not the extracted size, so a highly compressed archive can fill the
    // disk.
    private static async Task ExtractAsync(string archive, ImportZooMetadata.Types.ArchiveFormat format,
        string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        try
        {
            switch (format)
            {
                case ImportZooMetadata.Types.ArchiveFormat.Zip:
                    await ZipFile.ExtractToDirectoryAsync(archive, directory, cancellationToken);
                    break;
                case ImportZooMetadata.Types.ArchiveFormat.Tar:
                    await using (var file = File.OpenRead(archive))
                    {
                        await TarFile.ExtractToDirectoryAsync(await OpenTarAsync(file, cancellationToken), directory,
                            overwriteFiles: false, cancellationToken);
                    }

                    break;
                default:
                    throw HubException.InvalidArgument("format", "set ARCHIVE_FORMAT_TAR or ARCHIVE_FORMAT_ZIP.");
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException)
        {
            throw HubException.InvalidArgument("archive",
                $"the {format} archive cannot be extracted ({ex.Message}); check the format field and the file.");
        }
    }

    /// <summary>Returns a gzip-decompressing stream for a .tar.gz, otherwise the file itself.</summary>
    private static async Task<Stream> OpenTarAsync(FileStream file, CancellationToken cancellationToken)
    {
        var magic = new byte[2];
        int read = await file.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
    }

    /// <summary>Descends through single wrapping folders until the model folders appear.</summary>
    private static string FindZooRoot(string directory)
    {
        string root = directory;
        while (!PublicZooLayout.IsPublicZoo(root) && Directory.GetDirectories(root) is [var only])
        {
            root = only;
        }

        return PublicZooLayout.IsPublicZoo(root)
            ? root
            : throw HubException.InvalidArgument("archive",
                "no model folder with checkpoint_{epoch}/checkpoints was found; use the public zoo layout.");
    }

    /// <summary>Turns a folder name such as <c>NN_tune_trainable_00001_seed=1</c> into a valid model id.</summary>
    private static string ToModelId(string folderName)
    {
        string id = InvalidIdCharacters().Replace(folderName.ToLowerInvariant(), "-").TrimStart('-', '_');
        id = id.Length > 63 ? id[..63] : id;
        return id.Length >= 3 ? id : $"model-{id}";
    }

    [GeneratedRegex("[^a-z0-9_-]", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidIdCharacters();
}
