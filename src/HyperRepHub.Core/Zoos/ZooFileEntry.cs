namespace HyperRepHub.Core.Zoos;

/// <summary>One file of a model, listed in the manifest.</summary>
/// <param name="Path">Path relative to the zoo folder, with forward slashes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Bytes">File length in bytes.</param>
public sealed record ZooFileEntry(string Path, string Sha256, long Bytes);
