using System.Security.Cryptography;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Zoos;

/// <summary>
/// Writes a zoo folder: checkpoints, model records and the manifest. Every file is written atomically, and the
/// manifest is rewritten last, so it only ever lists files that are complete.
/// </summary>
public sealed class ZooWriter
{
    private readonly Dictionary<string, ModelRecord> _records;
    private readonly IReadOnlyDictionary<string, ZooSplit> _splits;
    private ZooManifest _manifest;

    private ZooWriter(string directory, ZooManifest manifest, IEnumerable<ModelRecord> records,
        IReadOnlyDictionary<string, ZooSplit> splits)
    {
        Directory = directory;
        _manifest = manifest;
        _records = records.ToDictionary(r => r.Id);
        _splits = splits;
    }

    /// <summary>The zoo folder.</summary>
    public string Directory { get; }

    /// <summary>The manifest as last written.</summary>
    public ZooManifest Manifest => _manifest;

    /// <summary>The architecture of every model.</summary>
    public ArchitectureSpec Architecture => _manifest.Architecture;

    /// <summary>The current record of each model, in id order.</summary>
    public IReadOnlyList<ModelRecord> Records => _records.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();

    /// <summary>Creates a new zoo folder (which must not contain a manifest yet) and writes its first manifest.</summary>
    public static ZooWriter Create(string directory, string name, ArchitectureSpec architecture, string dataset,
        ZooSplitRatios splitRatios, ZooTrainingConfig? training, IReadOnlyList<ModelRecord> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (File.Exists(ZooPaths.Manifest(directory)))
        {
            throw new ZooFormatException($"A zoo already exists in '{directory}'.");
        }

        System.IO.Directory.CreateDirectory(directory);
        var splits = splitRatios.Assign(models.Select(m => m.Id).ToArray());
        var manifest = new ZooManifest(ZooManifest.CurrentFormatVersion, name, architecture, dataset, splitRatios,
            training, CompletedEpochs: -1, Summary: null, Models: []);
        var writer = new ZooWriter(directory, manifest, models, splits);
        foreach (var record in models)
        {
            ZooJson.Write(ZooPaths.ModelRecord(directory, record.Id), record);
        }

        writer.WriteManifest(completedEpochs: -1);
        return writer;
    }

    /// <summary>Opens an existing zoo folder to append epochs to it.</summary>
    public static ZooWriter Open(string directory)
    {
        var zoo = Zoo.Open(directory);
        foreach (var leftover in System.IO.Directory.EnumerateFiles(directory, ".tmp-*", SearchOption.AllDirectories))
        {
            // A process killed during a write leaves its temporary file; the file it was replacing is intact.
            File.Delete(leftover);
        }

        var splits = zoo.Manifest.Models.ToDictionary(m => m.Id, m => m.Split);
        return new ZooWriter(directory, zoo.Manifest, zoo.Models, splits);
    }

    /// <summary>The current record of one model.</summary>
    public ModelRecord GetRecord(string modelId) => _records.TryGetValue(modelId, out var record)
        ? record
        : throw new ZooFormatException($"Model '{modelId}' not found in zoo '{Directory}'.");

    /// <summary>Writes one model's weights <c>[P]</c> at <paramref name="epoch"/>.</summary>
    public void SaveCheckpoint(string modelId, int epoch, Tensor flat) =>
        WeightsFile.Save(ZooPaths.Checkpoint(Directory, modelId, epoch), Architecture, flat);

    /// <summary>Replaces a model's record and writes its <c>model.json</c>.</summary>
    public void SaveRecord(ModelRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _ = GetRecord(record.Id);
        ZooJson.Write(ZooPaths.ModelRecord(Directory, record.Id), record);
        _records[record.Id] = record;
    }

    /// <summary>Hashes every model's files and rewrites the manifest.</summary>
    public ZooManifest WriteManifest(int completedEpochs)
    {
        var entries = Records.Select(CreateEntry).ToArray();
        _manifest = _manifest with
        {
            CompletedEpochs = completedEpochs,
            Summary = ZooSummary.Create(_records.Values),
            Models = entries,
        };
        ZooJson.Write(ZooPaths.Manifest(Directory), _manifest);
        return _manifest;
    }

    private ZooModelEntry CreateEntry(ModelRecord record)
    {
        var files = new List<ZooFileEntry> { Hash(ZooPaths.ModelRecordRelative(record.Id)) };
        files.AddRange(record.CheckpointEpochs.Select(e => Hash(ZooPaths.CheckpointRelative(record.Id, e))));
        return new ZooModelEntry(record.Id, _splits[record.Id], record.Seed, record.CheckpointEpochs,
            record.Last?.TestAccuracy, files);
    }

    private ZooFileEntry Hash(string relative)
    {
        var path = ZooPaths.Resolve(Directory, relative);
        using var stream = File.OpenRead(path);
        var hash = SHA256.HashData(stream);
        return new ZooFileEntry(relative, Convert.ToHexStringLower(hash), stream.Length);
    }

    /// <summary>Computes the lower-case hex SHA-256 of a file.</summary>
    public static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
