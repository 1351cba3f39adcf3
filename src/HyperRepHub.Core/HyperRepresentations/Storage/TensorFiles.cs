using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Storage;

/// <summary>
/// Reads and writes safetensors files, writing through a temporary file so a crash never leaves half a file.
/// </summary>
internal static class TensorFiles
{
    public static void SaveModule(nn.Module module, string path) =>
        WriteAtomically(path, temporary => module.save_safetensors(temporary));

    public static void LoadModule(nn.Module module, string path)
    {
        RequireFile(path);
        module.load_safetensors(path);
    }

    public static void SaveTensors(string path, Dictionary<string, Tensor> tensors) =>
        WriteAtomically(path, temporary => Safetensors.SaveStateDict(temporary, tensors));

    public static Dictionary<string, Tensor> LoadTensors(string path)
    {
        RequireFile(path);
        return Safetensors.LoadStateDict(path);
    }

    private static void WriteAtomically(string path, Action<string> write)
    {
        string temporary = path + ".tmp";
        write(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    private static void RequireFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Missing tensor file '{path}'.", path);
        }
    }
}
