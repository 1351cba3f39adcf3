using System.Text.RegularExpressions;
using HyperRepHub.Core.Zoos;

namespace HyperRepHub.Cli.Client;

/// <summary>One checkpoint file to upload; <paramref name="TestAccuracy"/> is null when unknown.</summary>
public sealed record ZooUploadItem(string Path, string ModelId, int Epoch, long Seed, double? TestAccuracy)
{
    /// <summary>True for a <c>torch.save</c> file (.pt, .pth), false for safetensors.</summary>
    public bool IsPyTorch => Path.EndsWith(".pt", StringComparison.OrdinalIgnoreCase)
        || Path.EndsWith(".pth", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The folder layouts <c>hyperrep zoo upload</c> accepts.</summary>
public enum ZooFolderLayout
{
    /// <summary>HyperRepHub's zoo folder: <c>manifest.json</c> plus <c>model-NNNN/epoch-N.safetensors</c>.</summary>
    HyperRepHub,

    /// <summary>The public model-zoo layout: per model <c>checkpoint_{epoch:06d}/checkpoints</c> and
    /// <c>result.json</c>; uploaded as one zip archive.</summary>
    PublicZoo,

    /// <summary>A flat folder of <c>.pt</c>, <c>.pth</c> or <c>.safetensors</c> files, one model each.</summary>
    CheckpointFiles,
}

/// <summary>What to upload from a folder: its layout, the architecture and dataset when known, and the files.</summary>
public sealed partial record ZooUploadPlan(
    ZooFolderLayout Layout, string? ArchitectureJson, string? Dataset, IReadOnlyList<ZooUploadItem> Items)
{
    /// <summary>Detects the layout of <paramref name="directory"/> and lists its checkpoints.</summary>
    /// <param name="epoch">Epoch recorded for files of a flat folder, which carry none.</param>
    public static ZooUploadPlan Scan(string directory, int epoch = 0)
    {
        if (!Directory.Exists(directory))
        {
            throw new HubClientException($"Zoo folder '{directory}' not found: pass an existing directory.");
        }

        if (File.Exists(ZooPaths.Manifest(directory)))
        {
            return ScanHyperRepHub(directory);
        }

        if (Directory.EnumerateDirectories(directory, "checkpoint_*", SearchOption.AllDirectories).Any())
        {
            return new ZooUploadPlan(ZooFolderLayout.PublicZoo, null, null, []);
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(path => path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith(".pt", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith(".pth", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(path => new ZooUploadItem(path, ModelIdOf(path), epoch, 0, null))
            .ToList();
        if (files.Count == 0)
        {
            throw new HubClientException(
                $"Zoo folder '{directory}' has no manifest.json, no checkpoint_* folders and no .pt or .safetensors "
                + "files: pass a HyperRepHub zoo, a public model-zoo folder or a folder of checkpoints.");
        }

        return new ZooUploadPlan(ZooFolderLayout.CheckpointFiles, null, null, files);
    }

    private static ZooUploadPlan ScanHyperRepHub(string directory)
    {
        var manifest = ZooJson.Read<ZooManifest>(ZooPaths.Manifest(directory));
        var items = new List<ZooUploadItem>();
        foreach (var entry in manifest.Models)
        {
            var record = ZooJson.Read<ModelRecord>(ZooPaths.ModelRecord(directory, entry.Id));
            items.AddRange(record.CheckpointEpochs.Select(epoch => new ZooUploadItem(
                ZooPaths.Checkpoint(directory, entry.Id, epoch),
                entry.Id,
                epoch,
                record.Seed,
                record.MetricsAt(epoch)?.TestAccuracy)));
        }

        return new ZooUploadPlan(ZooFolderLayout.HyperRepHub, manifest.Architecture.ToJson(), manifest.Dataset, items);
    }

    /// <summary>Turns a file name into a model id of lower-case letters, digits and hyphens.</summary>
    public static string ModelIdOf(string path)
    {
        var stem = System.IO.Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var id = InvalidIdCharacters().Replace(stem, "-").Trim('-');
        return id.Length == 0 ? "model" : id;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex InvalidIdCharacters();
}
