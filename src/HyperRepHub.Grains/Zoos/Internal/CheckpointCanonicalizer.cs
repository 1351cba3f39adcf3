using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Checkpoints;
using HyperRepHub.Core.Zoos;
using HyperRepHub.Grains.Errors;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyperRepHub.Grains.Zoos.Internal;

/// <summary>
/// Turns an untrusted checkpoint file into the hub's canonical form: an F32 safetensors state_dict with
/// <c>nn.Sequential</c> names and exactly the architecture's shapes, written by the hub itself. Uploaded bytes
/// are never stored as they are.
/// </summary>
internal static class CheckpointCanonicalizer
{
    /// <summary>Reads, checks and rewrites the file; throws InvalidArgument saying what is wrong.</summary>
    /// <remarks>The PyTorch path runs TorchSharp synchronously; call this on a worker thread.</remarks>
    public static async Task<byte[]> ToCanonicalSafetensorsAsync(string path, CheckpointFileFormat format,
        ArchitectureSpec spec, CancellationToken cancellationToken)
    {
        float[] weights = format == CheckpointFileFormat.Safetensors
            ? await ReadSafetensorsAsync(path, spec, cancellationToken)
            : ReadPyTorch(path, spec);
        var buffer = new MemoryStream();
        await SafetensorsCheckpointWriter.WriteAsync(buffer, spec, weights, cancellationToken: cancellationToken);
        return buffer.ToArray();
    }

    private static async Task<float[]> ReadSafetensorsAsync(string path, ArchitectureSpec spec,
        CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        try
        {
            var checkpoint = await SafetensorsCheckpointReader.ReadAsync(file, spec,
                cancellationToken: cancellationToken);
            return checkpoint.Weights;
        }
        catch (CheckpointFormatException ex)
        {
            throw Invalid($"the safetensors file is corrupt or does not fit architecture '{spec.Name}': {ex.Message}");
        }
    }

    private static float[] ReadPyTorch(string path, ArchitectureSpec spec)
    {
        using var scope = NewDisposeScope();
        var stateDict = UnpickleStateDict(path);
        Tensor flat;
        try
        {
            flat = StateDictMapper.ToFlat(spec, stateDict, "the checkpoint"); // [P]
        }
        catch (ArchitectureException ex)
        {
            throw Invalid($"{ex.Message} The architecture is '{spec.Name}' with {spec.ParameterCount} parameters.");
        }

        long nonFinite = (~isfinite(flat)).sum().item<long>();
        if (nonFinite > 0)
        {
            throw Invalid($"the weights contain {nonFinite} NaN or infinite values; upload finite weights.");
        }

        return flat.data<float>().ToArray();
    }

    private static Dictionary<string, Tensor> UnpickleStateDict(string path)
    {
        try
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
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Native errors append a libtorch stack trace; the first line is the reason.
            string reason = ex.Message.Split('\n', 2)[0].Trim();
            throw Invalid($"the PyTorch file cannot be read ({reason}); check the format field and the file.");
        }
    }

    private static HubException Invalid(string problem) => HubException.InvalidArgument("checkpoint", problem);
}
