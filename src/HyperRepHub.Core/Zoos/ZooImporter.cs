using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Zoos;

/// <summary>
/// Imports a zoo made elsewhere into a zoo folder: the public model-zoo layout, or a plain folder in which each
/// <c>.pt</c>, <c>.pth</c> or <c>.safetensors</c> file is one model. Every state_dict is checked strictly against the
/// architecture. A checkpoint with a NaN or infinite weight is left out and reported on its model.
/// </summary>
public sealed partial class ZooImporter(ILogger<ZooImporter>? logger = null)
{
    private static readonly string[] PlainExtensions = [".pt", ".pth", ".safetensors"];
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>Imports the zoo and returns what happened to each model.</summary>
    /// <exception cref="ZooFormatException">The source contains no models, or a file cannot be read.</exception>
    /// <exception cref="Architectures.ArchitectureException">A state_dict does not match the architecture.</exception>
    public IReadOnlyList<ImportedModel> Import(ZooImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!System.IO.Directory.Exists(options.Source))
        {
            throw new ZooFormatException($"Import source '{options.Source}' does not exist or is not a folder.");
        }

        var sources = ListSources(options);
        if (sources.Count == 0)
        {
            throw new ZooFormatException(
                $"'{options.Source}' contains no models. Expected model folders with checkpoint_NNNNNN/checkpoints, " +
                "or .pt, .pth or .safetensors files.");
        }

        var records = sources.Select((s, i) => new ModelRecord(ZooPaths.ModelId(i), s.Seed ?? i, null, [], [],
            Source: s.Path)).ToArray();
        var name = options.Name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Source)));
        var writer = ZooWriter.Create(options.Destination, name, options.Architecture, options.Dataset,
            ZooSplitRatios.Default, training: null, records);
        var imported = sources.Select((s, i) => ImportModel(writer, records[i], s)).ToArray();
        int completed = imported.Where(m => m.Epochs.Count > 0).Select(m => m.Epochs[^1]).DefaultIfEmpty(-1).Min();
        writer.WriteManifest(completed);
        Log.Imported(_logger, options.Source, options.Destination, imported.Length,
            imported.Sum(m => m.Warnings.Count));
        return imported;
    }

    private ImportedModel ImportModel(ZooWriter writer, ModelRecord record, ModelSource source)
    {
        var warnings = new List<string>();
        var epochs = new List<int>();
        foreach (var (epoch, file) in source.Checkpoints)
        {
            using var scope = NewDisposeScope();
            var flat = WeightsFile.LoadFlat(file, writer.Architecture);
            long nonFinite = (~isfinite(flat)).sum().item<long>();
            if (nonFinite > 0)
            {
                warnings.Add($"Epoch {epoch} left out: {nonFinite} non-finite weights in '{file}'.");
                Log.NonFiniteWeights(_logger, record.Id, epoch, nonFinite, file);
                continue;
            }

            writer.SaveCheckpoint(record.Id, epoch, flat);
            epochs.Add(epoch);
        }

        var metrics = source.Metrics.Values.OrderBy(m => m.Epoch).ToArray();
        writer.SaveRecord(record with { Epochs = metrics, CheckpointEpochs = epochs, Warnings = warnings });
        return new ImportedModel(record.Id, source.Path, epochs, warnings);
    }

    private static IReadOnlyList<ModelSource> ListSources(ZooImportOptions options)
    {
        var folders = PublicZooLayout.FindModelFolders(options.Source);
        if (folders.Count > 0)
        {
            return folders.Select(folder => new ModelSource(folder, PublicZooLayout.ReadSeed(folder),
                PublicZooLayout.CheckpointFolders(folder), PublicZooLayout.ReadResults(folder))).ToArray();
        }

        return System.IO.Directory.EnumerateFiles(options.Source)
            .Where(f => PlainExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new ModelSource(f, null, new Dictionary<int, string> { [options.PlainFileEpoch] = f },
                new Dictionary<int, EpochMetrics>()))
            .ToArray();
    }

    private sealed record ModelSource(string Path, long? Seed, IReadOnlyDictionary<int, string> Checkpoints,
        IReadOnlyDictionary<int, EpochMetrics> Metrics);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "Imported {Models} models from {Source} into {Destination} with {Warnings} warnings")]
        public static partial void Imported(ILogger logger, string source, string destination, int models,
            int warnings);

        [LoggerMessage(2, LogLevel.Warning,
            "Model {ModelId}: epoch {Epoch} left out, {Count} non-finite weights in {File}")]
        public static partial void NonFiniteWeights(ILogger logger, string modelId, int epoch, long count, string file);
    }
}
