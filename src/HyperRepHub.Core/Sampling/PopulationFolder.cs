using System.Text.Json;
using System.Text.Json.Serialization;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Zoos;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling;

/// <summary>
/// A population on disk: one safetensors file per model with PyTorch <c>state_dict</c> names (loadable with
/// <c>safetensors.torch.load_file</c>), <c>architecture.json</c> and <c>population.json</c>.
/// </summary>
public static class PopulationFolder
{
    /// <summary>Name of the manifest file.</summary>
    public const string ManifestFile = "population.json";

    /// <summary>Name of the architecture file.</summary>
    public const string ArchitectureFile = "architecture.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>
    /// Writes weights <c>[M, P]</c> as <c>model-0000.safetensors</c>, ... plus the two JSON files. An earlier
    /// population in <paramref name="directory"/> is replaced, including model files the new one does not have.
    /// </summary>
    /// <exception cref="IOException"><paramref name="directory"/> contains files but no population.</exception>
    public static PopulationManifest Save(string directory, ArchitectureSpec spec, Tensor weights, string source,
        SamplerOptions? options = null, string? conditioningZoo = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (Directory.Exists(directory) && Directory.EnumerateFiles(directory).Any() &&
            !File.Exists(Path.Combine(directory, ManifestFile)))
        {
            throw new IOException($"'{directory}' contains files but no population ({ManifestFile}); write to an " +
                "empty folder or to an earlier population to replace it.");
        }

        Directory.CreateDirectory(directory);
        var files = new List<string>();
        for (int m = 0; m < weights.shape[0]; m++)
        {
            string file = $"model-{m:D4}.safetensors";
            WeightsFile.Save(Path.Combine(directory, file), spec, weights[m]);
            files.Add(file);
        }

        var manifest = new PopulationManifest(spec.Name, files, source, options, conditioningZoo);
        File.WriteAllText(Path.Combine(directory, ArchitectureFile), spec.ToJson());
        File.WriteAllText(Path.Combine(directory, ManifestFile), JsonSerializer.Serialize(manifest, JsonOptions));
        foreach (string stale in Directory.EnumerateFiles(directory, "model-*.safetensors")
            .Where(path => !files.Contains(Path.GetFileName(path))).ToList())
        {
            File.Delete(stale);
        }

        return manifest;
    }

    /// <summary>Reads a population written by <see cref="Save"/>: its architecture, weights <c>[M, P]</c> and manifest.</summary>
    /// <exception cref="FileNotFoundException">The folder has no manifest or architecture file.</exception>
    public static (ArchitectureSpec Spec, Tensor Weights, PopulationManifest Manifest) Load(string directory)
    {
        string manifestPath = Path.Combine(directory, ManifestFile);
        string architecturePath = Path.Combine(directory, ArchitectureFile);
        if (!File.Exists(manifestPath) || !File.Exists(architecturePath))
        {
            throw new FileNotFoundException(
                $"'{directory}' is not a population folder: '{ManifestFile}' or '{ArchitectureFile}' is missing; " +
                "create one with 'hyperrep sample'.", manifestPath);
        }

        var manifest = JsonSerializer.Deserialize<PopulationManifest>(File.ReadAllText(manifestPath), JsonOptions)
            ?? throw new InvalidDataException($"'{manifestPath}' is empty.");
        var spec = ArchitectureSpec.FromJson(File.ReadAllText(architecturePath));
        var rows = manifest.Files.Select(f => WeightsFile.LoadFlat(Path.Combine(directory, f), spec)).ToList();
        return (spec, stack(rows, 0), manifest); // weights [M, P]
    }
}
