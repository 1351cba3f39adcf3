namespace HyperRepHub.Core.Checkpoints;

/// <summary>A checkpoint file is malformed, or its tensors do not fit the expected architecture.</summary>
/// <param name="message">What is wrong, naming the tensor and the expected and actual values.</param>
/// <param name="tensorName">The tensor at fault, or null when the fault is in the file layout.</param>
public sealed class CheckpointFormatException(string message, string? tensorName = null) : Exception(message)
{
    /// <summary>The tensor at fault as its key appears in the file, or null when the fault is in the file layout.</summary>
    public string? TensorName { get; } = tensorName;
}
