using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.HyperRepresentations.Storage;
using HyperRepHub.Core.HyperRepresentations.Training;
using HyperRepHub.Core.HyperRepresentations.Tokens;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations;

/// <summary>
/// A saved hyper-representation is a self-contained folder: <c>config.json</c>, <c>architecture.json</c>,
/// <c>statistics.json</c>, the network's weights in <c>model.safetensors</c>, and the anchors in
/// <c>anchors.safetensors</c> (embeddings) and <c>anchors.json</c> (model ids, epochs, accuracies).
/// </summary>
public static class HyperRepresentationFolder
{
    /// <summary>File holding the network's state_dict.</summary>
    public const string ModelFile = "model.safetensors";

    /// <summary>Sub-folder in which <c>hyperrep hyper-rep train</c> keeps its training checkpoints.</summary>
    public const string TrainingFolder = "training";

    private const string ConfigFile = "config.json";
    private const string ArchitectureFile = "architecture.json";
    private const string StatisticsFile = "statistics.json";
    private const string AnchorTensorsFile = "anchors.safetensors";
    private const string AnchorMetadataFile = "anchors.json";
    private const string EmbeddingsKey = "embeddings";

    /// <summary>
    /// Writes <paramref name="hyperRepresentation"/> into <paramref name="directory"/>, creating it if needed.
    /// </summary>
    public static void Save(HyperRepresentation hyperRepresentation, string directory)
    {
        ArgumentNullException.ThrowIfNull(hyperRepresentation);
        Directory.CreateDirectory(directory);
        JsonFiles.Write(Path.Combine(directory, ConfigFile), hyperRepresentation.Config);
        File.WriteAllText(Path.Combine(directory, ArchitectureFile), hyperRepresentation.Architecture.ToJson());
        JsonFiles.Write(Path.Combine(directory, StatisticsFile), hyperRepresentation.Statistics);
        TensorFiles.SaveModule(hyperRepresentation.Network, Path.Combine(directory, ModelFile));
        var anchors = hyperRepresentation.Anchors;
        TensorFiles.SaveTensors(Path.Combine(directory, AnchorTensorsFile),
            new Dictionary<string, Tensor> { [EmbeddingsKey] = anchors.Embeddings.contiguous() });
        JsonFiles.Write(Path.Combine(directory, AnchorMetadataFile),
            new StoredAnchors(anchors.ModelIds, anchors.Epochs, anchors.Accuracies));
    }

    /// <summary>Loads the hyper-representation saved in <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">A file of the folder is missing.</exception>
    /// <exception cref="InvalidDataException">A file is not valid or the files do not fit each other.</exception>
    public static HyperRepresentation Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Hyper-representation folder '{directory}' does not exist.");
        }

        ThrowIfUnfinished(directory);
        var config = JsonFiles.Read<HyperRepConfig>(Path.Combine(directory, ConfigFile));
        var architecture = ArchitectureSpec.FromJson(File.ReadAllText(Path.Combine(directory, ArchitectureFile)));
        var statistics = JsonFiles.Read<LayerStatistics>(Path.Combine(directory, StatisticsFile));
        var network = new HyperRepAutoencoder(architecture, config);
        TensorFiles.LoadModule(network, Path.Combine(directory, ModelFile));
        return new HyperRepresentation(network, statistics, LoadAnchors(directory, config.LatentDimension));
    }

    /// <summary>
    /// Throws when <paramref name="directory"/> contains a training checkpoint (in its <c>training</c> sub-folder,
    /// where <c>hyperrep hyper-rep train</c> keeps it) but no saved hyper-representation yet.
    /// </summary>
    /// <exception cref="InvalidDataException">The training in the folder has not finished.</exception>
    public static void ThrowIfUnfinished(string directory)
    {
        string work = Path.Combine(directory, TrainingFolder);
        if (File.Exists(Path.Combine(directory, ConfigFile)) || !TrainingCheckpoint.Exists(work))
        {
            return;
        }

        int epoch = TrainingCheckpoint.ReadState(work).CompletedEpochs;
        throw new InvalidDataException($"The training in '{directory}' has not finished (checkpoint after epoch " +
            $"{epoch}); run the same 'hyperrep hyper-rep train' command to resume it.");
    }

    private static AnchorSet LoadAnchors(string directory, int latentDimension)
    {
        var tensors = TensorFiles.LoadTensors(Path.Combine(directory, AnchorTensorsFile));
        var metadata = JsonFiles.Read<StoredAnchors>(Path.Combine(directory, AnchorMetadataFile));
        if (!tensors.TryGetValue(EmbeddingsKey, out var embeddings) || embeddings.dim() != 2 ||
            embeddings.shape[0] != metadata.ModelIds.Count || embeddings.shape[1] != latentDimension)
        {
            throw new InvalidDataException(
                $"'{AnchorTensorsFile}' in '{directory}' must contain '{EmbeddingsKey}' of shape " +
                $"[{metadata.ModelIds.Count}, {latentDimension}] to match '{AnchorMetadataFile}' and the config.");
        }

        return new AnchorSet(embeddings, metadata.ModelIds, metadata.Epochs, metadata.Accuracies);
    }
}
