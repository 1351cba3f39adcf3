using System.Collections.Concurrent;
using HyperRepHub.Core.HyperRepresentations;
using HyperRepHub.Storage;

namespace HyperRepHub.Grains.HyperRepresentations;

/// <summary>
/// Trained hyper-representations loaded from blob storage, kept in memory per silo so repeated generation does
/// not download and rebuild the network each time. A trained hyper-representation never changes, so entries
/// are never stale; a deleted one stays cached until the silo restarts.
/// </summary>
public sealed class HyperRepresentationCache(ICheckpointStore store) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<HyperRepresentation>>> _entries =
        new(StringComparer.Ordinal);

    /// <summary>Returns the hyper-representation saved under <paramref name="blobPrefix"/>, loading it once.</summary>
    public Task<HyperRepresentation> GetAsync(string blobPrefix, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(blobPrefix,
            // Task.Run keeps the download and the synchronous TorchSharp load off the calling grain's scheduler.
            prefix => new Lazy<Task<HyperRepresentation>>(
                () => Task.Run(() => LoadAsync(prefix, CancellationToken.None))));
        return entry.Value.WaitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var entry in _entries.Values)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
            {
                entry.Value.Result.Dispose();
            }
        }
    }

    private async Task<HyperRepresentation> LoadAsync(string prefix, CancellationToken cancellationToken)
    {
        string directory = Path.Combine(Path.GetTempPath(), $"hyperrephub-load-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            await foreach (var blob in store.ListAsync(CheckpointContainers.HyperRepresentations, prefix,
                cancellationToken))
            {
                await using var source = await store.OpenReadAsync(blob.Container, blob.Name, cancellationToken);
                await using var target = File.Create(Path.Combine(directory, blob.Name[prefix.Length..]));
                await source.CopyToAsync(target, cancellationToken);
            }

            return HyperRepresentationFolder.Load(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
