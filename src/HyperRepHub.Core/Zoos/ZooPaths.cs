namespace HyperRepHub.Core.Zoos;

/// <summary>
/// The layout of a zoo folder: <c>manifest.json</c>, and per model a folder <c>{model}/</c> holding <c>model.json</c>
/// and <c>epoch-{n}.safetensors</c>. Paths inside the manifest are relative and use forward slashes.
/// </summary>
public static class ZooPaths
{
    /// <summary>Manifest path of the zoo in <paramref name="zoo"/>.</summary>
    public static string Manifest(string zoo) => Path.Combine(zoo, ZooManifest.FileName);

    /// <summary>Relative path of a model's metadata.</summary>
    public static string ModelRecordRelative(string modelId) => $"{modelId}/model.json";

    /// <summary>Relative path of a model's weights at one epoch.</summary>
    public static string CheckpointRelative(string modelId, int epoch) => $"{modelId}/epoch-{epoch}.safetensors";

    /// <summary>Absolute path of a model's metadata.</summary>
    public static string ModelRecord(string zoo, string modelId) => Resolve(zoo, ModelRecordRelative(modelId));

    /// <summary>Absolute path of a model's weights at one epoch.</summary>
    public static string Checkpoint(string zoo, string modelId, int epoch) =>
        Resolve(zoo, CheckpointRelative(modelId, epoch));

    /// <summary>Turns a manifest-relative path into a path under <paramref name="zoo"/>.</summary>
    public static string Resolve(string zoo, string relative) =>
        Path.Combine(zoo, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The id of model <paramref name="index"/> in a trained zoo, for example <c>model-0007</c>.</summary>
    public static string ModelId(int index) => $"model-{index:D4}";
}
