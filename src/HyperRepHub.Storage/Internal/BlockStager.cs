using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs.Specialized;

namespace HyperRepHub.Storage.Internal;

/// <summary>
/// Reads a stream block by block, hashing it and staging each block as an uncommitted block of the target blob.
/// Staged blocks are invisible until a commit names them. The service discards uncommitted blocks with the next
/// commit of that blob, or after a week.
/// </summary>
internal static class BlockStager
{
    public static async Task<StagedContent> StageAsync(
        BlockBlobClient blob, Stream content, int blockSize, long? maxBytes, CancellationToken cancellationToken)
    {
        // Block ids must have the same length within a blob. A fresh upload id per call keeps concurrent or
        // retried uploads to the same name from committing each other's blocks.
        string uploadId = Guid.NewGuid().ToString("N");
        var blockIds = new List<string>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(blockSize);
        long size = 0;
        try
        {
            while (true)
            {
                int read = await content.ReadAtLeastAsync(
                    buffer.AsMemory(0, blockSize), blockSize, throwOnEndOfStream: false, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                size += read;
                if (maxBytes is long limit && size > limit)
                {
                    throw new BlobTooLargeException(blob.BlobContainerName, blob.Name, size, limit);
                }

                hash.AppendData(buffer, 0, read);
                string blockId = CreateBlockId(uploadId, blockIds.Count);
                using var block = new MemoryStream(buffer, 0, read, writable: false);
                await blob.StageBlockAsync(blockId, block, cancellationToken: cancellationToken);
                blockIds.Add(blockId);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new StagedContent(blockIds, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string CreateBlockId(string uploadId, int index) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(uploadId + index.ToString("D8", CultureInfo.InvariantCulture)));
}
