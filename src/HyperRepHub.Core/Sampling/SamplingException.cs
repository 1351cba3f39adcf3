namespace HyperRepHub.Core.Sampling;

/// <summary>Sampling cannot run on the given anchors, options or zoo; the message names the value and the fix.</summary>
public sealed class SamplingException(string message, Exception? inner = null) : Exception(message, inner);
