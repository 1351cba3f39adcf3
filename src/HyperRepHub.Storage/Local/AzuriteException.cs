namespace HyperRepHub.Storage.Local;

/// <summary>The local Azurite could not be installed, started or reached.</summary>
public sealed class AzuriteException(string message, Exception? inner = null) : Exception(message, inner);
