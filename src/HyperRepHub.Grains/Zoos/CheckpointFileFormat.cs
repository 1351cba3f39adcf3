namespace HyperRepHub.Grains.Zoos;

/// <summary>How an uploaded checkpoint file is encoded.</summary>
public enum CheckpointFileFormat
{
    /// <summary>safetensors with one tensor per state_dict key.</summary>
    Safetensors,

    /// <summary>A PyTorch state_dict saved with <c>torch.save</c>.</summary>
    PyTorch,
}
