using System.Buffers;
using System.Security.Cryptography;

namespace HyperRepHub.Storage.Internal;

/// <summary>Hashes the rest of a seekable stream and moves it back to where it was.</summary>
internal static class ContentHasher
{
    public static async Task<(long Size, string Sha256)> HashAndRewindAsync(Stream content, CancellationToken cancellationToken)
    {
        long start = content.Position;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(81920);
        long size = 0;
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                size += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        content.Position = start;
        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
