namespace HyperRepHub.Core.Datasets;

/// <summary>A dataset file is missing. The message names the path and the command that installs the data.</summary>
public sealed class DatasetNotFoundException(string message) : Exception(message);
