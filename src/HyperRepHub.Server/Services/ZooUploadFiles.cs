using Google.Protobuf;
using Grpc.Core;
using HyperRepHub.Grains.Errors;

namespace HyperRepHub.Server.Services;

/// <summary>Receives streamed upload chunks into a temporary file with a size limit.</summary>
internal static class ZooUploadFiles
{
    /// <summary>Returns a fresh path in the temporary folder; the caller deletes the file.</summary>
    public static string NewTemporaryPath(string extension) =>
        Path.Combine(Path.GetTempPath(), $"hyperrephub-upload-{Guid.NewGuid():N}{extension}");

    /// <summary>
    /// Writes every chunk to <paramref name="path"/> and returns the byte count. Throws ResourceExhausted as soon
    /// as the bytes pass <paramref name="limit"/>, and InvalidArgument for a message without a chunk.
    /// </summary>
    public static async Task<long> ReceiveAsync<TRequest>(IAsyncStreamReader<TRequest> requestStream,
        Func<TRequest, ByteString?> chunkOf, string path, long limit, string what, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920,
            FileOptions.Asynchronous);
        long total = 0;
        while (await requestStream.MoveNext(cancellationToken))
        {
            var chunk = chunkOf(requestStream.Current)
                ?? throw HubException.InvalidArgument("chunk",
                    "only the first message may carry metadata; send the file's bytes in chunk messages.");
            total += chunk.Length;
            if (total > limit)
            {
                throw new HubException(HubErrorKind.ResourceExhausted,
                    $"The {what} is at least {total} bytes, over the limit of {limit} bytes.");
            }

            await file.WriteAsync(chunk.Memory, cancellationToken);
        }

        return total;
    }

    /// <summary>Deletes a temporary file, ignoring a file that was never created.</summary>
    public static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
