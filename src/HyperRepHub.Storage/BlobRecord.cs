namespace HyperRepHub.Storage;

/// <summary>A completed blob: where it is, how large, and its content hash.</summary>
/// <param name="Container">Container name, for example <c>zoos</c>.</param>
/// <param name="Name">Blob name inside the container.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content.</param>
/// <param name="LastModified">When the blob was committed.</param>
public sealed record BlobRecord(string Container, string Name, long Size, string Sha256, DateTimeOffset LastModified);
