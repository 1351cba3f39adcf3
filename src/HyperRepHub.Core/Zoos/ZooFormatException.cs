namespace HyperRepHub.Core.Zoos;

/// <summary>A zoo folder or one of its files is missing, invalid or does not match its manifest.</summary>
public sealed class ZooFormatException(string message, Exception? inner = null) : Exception(message, inner);
