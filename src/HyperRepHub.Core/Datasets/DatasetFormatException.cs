namespace HyperRepHub.Core.Datasets;

/// <summary>A dataset file exists but its content is invalid: bad magic number, truncated data or wrong counts.</summary>
public sealed class DatasetFormatException(string message, Exception? inner = null) : Exception(message, inner);
