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

    public static void LoadModule(nn.Module module, string path, string remedy = RetrainRemedy)
    {
        RequireFile(path);
        try
        {
            module.load_safetensors(path);
        }
        catch (Exception ex) when (IsDamagedFile(ex))
        {
            throw Damaged(path, ex, remedy);
        }
    }

    public static void SaveTensors(string path, Dictionary<string, Tensor> tensors) =>
        WriteAtomically(path, temporary => Safetensors.SaveStateDict(temporary, tensors));

    public static Dictionary<string, Tensor> LoadTensors(string path)
    {
        RequireFile(path);
        try
        {
            return Safetensors.LoadStateDict(path);
        }
        catch (Exception ex) when (IsDamagedFile(ex))
        {
            throw Damaged(path, ex);
        }
    }

    // A truncated or overwritten file surfaces as a JSON error in the header, a read past the end of the stream, or
    // a tensor whose name or shape the network does not have.
    private static bool IsDamagedFile(Exception ex) =>
        ex is System.Text.Json.JsonException or EndOfStreamException or ArgumentException or InvalidOperationException
            or FormatException or OverflowException or IOException && ex is not FileNotFoundException;

    private const string RetrainRemedy = "Train or download the hyper-representation again.";

    private static InvalidDataException Damaged(string path, Exception inner, string remedy = RetrainRemedy) => new(
        $"'{path}' is damaged or incomplete ({new FileInfo(path).Length} bytes): {inner.Message} {remedy}", inner);

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
