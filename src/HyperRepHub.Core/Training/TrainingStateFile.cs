using HyperRepHub.Core.Zoos;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Training;

/// <summary>
/// <c>training-state.safetensors</c> in a zoo folder: the stacked weights, the optimizer's buffers and step count,
/// and the last completed epoch. It is written after the epoch's checkpoints and model records, so it never points
/// past files that are complete. Data order needs no saved state because it is derived from the seed and epoch.
/// </summary>
public static class TrainingStateFile
{
    /// <summary>File name inside the zoo folder.</summary>
    public const string FileName = "training-state.safetensors";

    /// <summary>Writes the state after <paramref name="epoch"/> atomically.</summary>
    public static void Save(string zooDirectory, PopulationState state, int epoch)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var scope = NewDisposeScope();
        var tensors = state.Optimizer.StateDict();
        tensors["weights"] = state.Weights.detach();
        tensors["epoch"] = tensor(new long[] { epoch });
        var buffer = new MemoryStream();
        Safetensors.SaveStateDict(buffer, tensors);
        AtomicFile.WriteAllBytes(Path.Combine(zooDirectory, FileName), buffer.ToArray());
    }

    /// <summary>Loads the saved weights and epoch, or null when the folder has no training state.</summary>
    public static (Dictionary<string, Tensor> Tensors, int Epoch)? Load(string zooDirectory)
    {
        var path = Path.Combine(zooDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var tensors = Safetensors.LoadStateDict(path);
        return (tensors, (int)tensors["epoch"].item<long>());
    }
}
