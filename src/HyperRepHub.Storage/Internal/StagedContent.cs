namespace HyperRepHub.Storage.Internal;

/// <summary>The blocks one upload staged, with the size and SHA-256 of their concatenation.</summary>
internal sealed record StagedContent(IReadOnlyList<string> BlockIds, long Size, string Sha256);
