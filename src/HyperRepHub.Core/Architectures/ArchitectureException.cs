namespace HyperRepHub.Core.Architectures;

/// <summary>An architecture spec is invalid, or weights do not fit it.</summary>
public sealed class ArchitectureException(string message, Exception? inner = null) : Exception(message, inner);
