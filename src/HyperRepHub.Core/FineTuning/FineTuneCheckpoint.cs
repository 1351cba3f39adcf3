using System.Text.Json;
using HyperRepHub.Core.Training;
using HyperRepHub.Core.Zoos;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyperRepHub.Core.FineTuning;

/// <summary>
/// The resumable record of a fine-tuning run in its folder: <c>epoch-NNN.safetensors</c> per epoch (weights
/// <c>[M, P]</c> and optimizer state) and <c>finetune.json</c> (settings and per-model history). The JSON file is
/// written last, so it never points to an epoch whose tensors are incomplete.
/// </summary>
/// <param name="Options">The run's settings; a resumed run must use the same.</param>
/// <param name="Architecture">Name of the architecture.</param>
/// <param name="Models">Number of models M.</param>
/// <param name="CompletedEpochs">Epochs whose tensors and results are saved.</param>
/// <param name="History">Per-model test results from epoch 0.</param>
public sealed record FineTuneCheckpoint(FineTuneOptions Options, string Architecture, int Models,
    int CompletedEpochs, IReadOnlyList<FineTuneEpoch> History)
{
    /// <summary>Name of the JSON file.</summary>
    public const string FileName = "finetune.json";

    private const string WeightsKey = "weights";

    /// <summary>Path of the tensors of <paramref name="epoch"/> in <paramref name="directory"/>.</summary>
    public static string EpochPath(string directory, int epoch) => Path.Combine(directory, $"epoch-{epoch:D3}.safetensors");

    /// <summary>Reads the record in <paramref name="directory"/>, or null when the run has not saved one yet.</summary>
    public static FineTuneCheckpoint? TryRead(string directory)
    {
        string path = Path.Combine(directory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<FineTuneCheckpoint>(File.ReadAllText(path)) : null;
    }

    /// <summary>Writes the epoch's tensors, then this record.</summary>
    public void Write(string directory, PopulationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Directory.CreateDirectory(directory);
        using (var scope = NewDisposeScope())
        {
            var tensors = state.Optimizer.StateDict();
            tensors[WeightsKey] = state.Weights.detach();
            var buffer = new MemoryStream();
            Safetensors.SaveStateDict(buffer, tensors);
            AtomicFile.WriteAllBytes(EpochPath(directory, CompletedEpochs), buffer.ToArray());
        }

        AtomicFile.WriteAllBytes(Path.Combine(directory, FileName), JsonSerializer.SerializeToUtf8Bytes(this));
    }

    /// <summary>Loads the weights <c>[M, P]</c> and optimizer state saved after <see cref="CompletedEpochs"/>.</summary>
    public (Tensor Weights, Dictionary<string, Tensor> OptimizerState) ReadTensors(string directory)
    {
        var tensors = Safetensors.LoadStateDict(EpochPath(directory, CompletedEpochs));
        var weights = tensors[WeightsKey];
        tensors.Remove(WeightsKey);
        return (weights, tensors);
    }
}
