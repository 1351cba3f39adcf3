using HyperRepHub.Core.Architectures;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Zoos;

/// <summary>Reads and writes one model's weights as a safetensors file with PyTorch state_dict names.</summary>
public static class WeightsFile
{
    /// <summary>Writes a flat vector <c>[P]</c> atomically as a safetensors state_dict.</summary>
    public static void Save(string path, ArchitectureSpec spec, Tensor flat)
    {
        using var scope = NewDisposeScope();
        var stateDict = StateDictMapper.ToStateDict(spec, flat.detach().cpu());
        // SaveStateDict closes the stream it writes to, so serialise in memory and write the bytes atomically.
        var buffer = new MemoryStream();
        Safetensors.SaveStateDict(buffer, stateDict);
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }

    /// <summary>Reads a safetensors or PyTorch pickle (<c>.pt</c>, <c>.pth</c>, no extension) state_dict as a flat vector.</summary>
    /// <exception cref="ZooFormatException">The file is missing or cannot be parsed.</exception>
    /// <exception cref="ArchitectureException">The keys or shapes do not match <paramref name="spec"/>.</exception>
    public static Tensor LoadFlat(string path, ArchitectureSpec spec)
    {
        var stateDict = LoadStateDict(path);
        try
        {
            return StateDictMapper.ToFlat(spec, stateDict, path);
        }
        finally
        {
            foreach (var tensor in stateDict.Values)
            {
                tensor.Dispose();
            }
        }
    }

    /// <summary>Reads a state_dict from a safetensors file or a PyTorch pickle file.</summary>
    public static Dictionary<string, Tensor> LoadStateDict(string path)
    {
        if (!File.Exists(path))
        {
            throw new ZooFormatException($"Missing weights file '{path}'.");
        }

        try
        {
            return path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase)
                ? Safetensors.LoadStateDict(path)
                : LoadPickle(path);
        }
        catch (Exception ex) when (ex is not ZooFormatException and not OutOfMemoryException)
        {
            throw new ZooFormatException($"Cannot read weights file '{path}': {ex.Message}", ex);
        }
    }

    private static Dictionary<string, Tensor> LoadPickle(string path)
    {
        using var stream = File.OpenRead(path);
        var raw = PyTorchUnpickler.UnpickleStateDict(stream);
        var result = new Dictionary<string, Tensor>();
        foreach (var key in raw.Keys)
        {
            if (key is string name && raw[key] is Tensor tensor)
            {
                result[name] = tensor;
            }
        }

        return result;
    }
}
