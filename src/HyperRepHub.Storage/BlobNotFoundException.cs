namespace HyperRepHub.Storage;

/// <summary>No completed blob exists at the requested container and name.</summary>
public sealed class BlobNotFoundException(string container, string name)
    : Exception($"Blob '{container}/{name}' was not found.")
{
    /// <summary>The container that was searched.</summary>
    public string Container { get; } = container;

    /// <summary>The blob name that was not found.</summary>
    public string Name { get; } = name;
}
