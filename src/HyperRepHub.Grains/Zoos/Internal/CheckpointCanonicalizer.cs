using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Zoos;
using HyperRepHub.Grains.Errors;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyperRepHub.Grains.Zoos.Internal;

/// <summary>
/// Turns an untrusted checkpoint file into the hub's canonical form: a safetensors state_dict of float32 tensors
/// with <c>nn.Sequential</c> names and exactly the architecture's shapes, written by the hub itself. Uploaded
/// bytes are never stored as they are.
/// </summary>
internal static class CheckpointCanonicalizer
{
    /// <summary>Reads, checks and rewrites the file; throws InvalidArgument saying what is wrong.</summary>
    /// <remarks>Runs TorchSharp synchronously; call it on a worker thread.</remarks>
    public static byte[] ToCanonicalSafetensors(string path, CheckpointFileFormat format, ArchitectureSpec spec)
    {
        if (format == CheckpointFileFormat.Safetensors && SafetensorsHeaderCheck.FindError(path) is { } headerError)
        {
            throw Invalid($"the safetensors file is corrupt or truncated: {headerError}");
        }

        using var scope = NewDisposeScope();
        var stateDict = Load(path, format);
        Tensor flat;
        try
        {
            flat = StateDictMapper.ToFlat(spec, stateDict, "the checkpoint"); // [P]
        }
        catch (ArchitectureException ex)
        {
            throw Invalid($"{ex.Message} The architecture is '{spec.Name}' with {spec.ParameterCount} parameters.");
        }

        if (!isfinite(flat).all().item<bool>())
        {
            long bad = (~isfinite(flat)).sum().item<long>();
            throw Invalid($"the weights contain {bad} NaN or infinite values; upload a checkpoint with finite weights.");
        }

        var buffer = new MemoryStream();
        Safetensors.SaveStateDict(buffer, StateDictMapper.ToStateDict(spec, flat));
        return buffer.ToArray();
    }

    private static Dictionary<string, Tensor> Load(string path, CheckpointFileFormat format)
    {
        try
        {
            if (format == CheckpointFileFormat.Safetensors)
            {
                return Safetensors.LoadStateDict(path);
            }

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
        catch (Exception ex) when (ex is not OutOfMemoryException and not HubException)
        {
            // Native errors append a libtorch stack trace; the first line is the reason.
            string reason = ex.Message.Split('\n', 2)[0].Trim();
            throw Invalid($"the {format} file cannot be read ({reason}); check the format field and the file.");
        }
    }

    private static HubException Invalid(string problem) => HubException.InvalidArgument("checkpoint", problem);
}
