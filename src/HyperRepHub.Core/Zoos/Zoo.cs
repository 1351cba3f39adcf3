using HyperRepHub.Core.Architectures;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Zoos;

/// <summary>A zoo folder opened for reading: its manifest, model records, splits and checkpoints.</summary>
public sealed class Zoo
{
    private readonly Dictionary<string, ModelRecord> _models;
    private readonly Dictionary<string, ZooSplit> _splits;

    private Zoo(string directory, ZooManifest manifest, IReadOnlyList<ModelRecord> models)
    {
        Directory = directory;
        Manifest = manifest;
        Models = models;
        _models = models.ToDictionary(m => m.Id);
        _splits = manifest.Models.ToDictionary(m => m.Id, m => m.Split);
    }

    /// <summary>The zoo folder.</summary>
    public string Directory { get; }

    /// <summary>The manifest.</summary>
    public ZooManifest Manifest { get; }

    /// <summary>The architecture of every model.</summary>
    public ArchitectureSpec Architecture => Manifest.Architecture;

    /// <summary>The model records, in manifest order.</summary>
    public IReadOnlyList<ModelRecord> Models { get; }

    /// <summary>Opens the zoo in <paramref name="directory"/>, reading its manifest and every <c>model.json</c>.</summary>
    /// <exception cref="ZooFormatException">The manifest or a model record is missing or invalid.</exception>
    public static Zoo Open(string directory)
    {
        var manifest = ZooJson.Read<ZooManifest>(ZooPaths.Manifest(directory));
        if (manifest.FormatVersion != ZooManifest.CurrentFormatVersion)
        {
            throw new ZooFormatException(
                $"Zoo '{directory}' has format version {manifest.FormatVersion}; this version of HyperRepHub reads " +
                $"version {ZooManifest.CurrentFormatVersion}.");
        }

        try
        {
            _ = manifest.Architecture.Layout;
        }
        catch (ArchitectureException ex)
        {
            throw new ZooFormatException($"Zoo '{directory}' has an invalid architecture: {ex.Message}", ex);
        }

        var models = manifest.Models
            .Select(entry => ZooJson.Read<ModelRecord>(ZooPaths.ModelRecord(directory, entry.Id)))
            .ToArray();
        return new Zoo(directory, manifest, models);
    }

    /// <summary>The record of one model.</summary>
    /// <exception cref="KeyNotFoundException">No model has that id.</exception>
    public ModelRecord GetModel(string modelId) => _models.TryGetValue(modelId, out var model)
        ? model
        : throw new KeyNotFoundException($"Model '{modelId}' not found in zoo '{Directory}'.");

    /// <summary>The split a model belongs to.</summary>
    public ZooSplit SplitOf(string modelId) => _splits.TryGetValue(modelId, out var split)
        ? split
        : throw new KeyNotFoundException($"Model '{modelId}' not found in zoo '{Directory}'.");

    /// <summary>Ids of the models in one split, in manifest order.</summary>
    public IReadOnlyList<string> ModelIdsIn(ZooSplit split) =>
        Manifest.Models.Where(m => m.Split == split).Select(m => m.Id).ToArray();

    /// <summary>One model's weights at one epoch as a flat vector in <see cref="WeightLayout"/> order.</summary>
    /// <exception cref="KeyNotFoundException">The model does not exist or has no checkpoint at that epoch.</exception>
    public float[] LoadWeights(string modelId, int epoch)
    {
        using var scope = NewDisposeScope();
        return LoadWeightsTensor(modelId, epoch).data<float>().ToArray();
    }

    /// <summary>
    /// Checkpoints of every model in <paramref name="split"/> at each of <paramref name="epochs"/>, model by model
    /// (all epochs of the first model, then the next). A model without a checkpoint at one of the epochs is skipped
    /// at that epoch.
    /// </summary>
    public CheckpointBatch LoadCheckpoints(ZooSplit split, IReadOnlyList<int> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var rows = new List<Tensor>();
        var ids = new List<string>();
        var rowEpochs = new List<int>();
        var accuracies = new List<double>();
        foreach (var modelId in ModelIdsIn(split))
        {
            var record = GetModel(modelId);
            foreach (var epoch in epochs.Where(e => record.CheckpointEpochs.Contains(e)))
            {
                rows.Add(LoadWeightsTensor(modelId, epoch));
                ids.Add(modelId);
                rowEpochs.Add(epoch);
                accuracies.Add(record.MetricsAt(epoch)?.TestAccuracy ?? double.NaN);
            }
        }

        var weights = rows.Count == 0
            ? zeros(0, Architecture.ParameterCount)
            : stack(rows, 0); // [N, P]
        foreach (var row in rows)
        {
            row.Dispose();
        }

        return new CheckpointBatch(weights, ids, rowEpochs, accuracies);
    }

    /// <summary>Checks every file the manifest lists against its size and SHA-256; returns one message per problem.</summary>
    public IReadOnlyList<string> VerifyFiles()
    {
        var problems = new List<string>();
        foreach (var file in Manifest.Models.SelectMany(m => m.Files))
        {
            var path = ZooPaths.Resolve(Directory, file.Path);
            if (!File.Exists(path))
            {
                problems.Add($"Missing file '{file.Path}'.");
            }
            else if (ZooWriter.HashFile(path) is var hash && hash != file.Sha256)
            {
                problems.Add($"File '{file.Path}' has SHA-256 {hash}, the manifest expects {file.Sha256}.");
            }
        }

        return problems;
    }

    private Tensor LoadWeightsTensor(string modelId, int epoch)
    {
        var record = GetModel(modelId);
        if (!record.CheckpointEpochs.Contains(epoch))
        {
            throw new KeyNotFoundException(
                $"Model '{modelId}' has no checkpoint at epoch {epoch}; it has epochs " +
                $"{string.Join(", ", record.CheckpointEpochs)}.");
        }

        return WeightsFile.LoadFlat(ZooPaths.Checkpoint(Directory, modelId, epoch), Architecture);
    }
}
