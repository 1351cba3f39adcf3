using System.Text.Json;
using System.Text.RegularExpressions;

namespace HyperRepHub.Core.Zoos;

/// <summary>
/// The public model-zoo layout: one folder per model with <c>checkpoint_{epoch:06d}/checkpoints</c> (a PyTorch
/// state_dict; an unpadded <c>checkpoint_{epoch}</c> is accepted too), <c>result.json</c> with one JSON object per
/// line (<c>train_loss</c>, <c>train_acc</c>, <c>test_loss</c>, <c>test_acc</c>, <c>training_iteration</c>) and
/// <c>params.json</c>. The metrics of epoch e are those of the line whose <c>training_iteration</c> is e.
/// </summary>
public static partial class PublicZooLayout
{
    /// <summary>Whether <paramref name="directory"/> contains at least one model folder of this layout.</summary>
    public static bool IsPublicZoo(string directory) => FindModelFolders(directory).Count > 0;

    /// <summary>The model folders under <paramref name="directory"/>, sorted by name.</summary>
    public static IReadOnlyList<string> FindModelFolders(string directory) =>
        System.IO.Directory.EnumerateDirectories(directory)
            .Where(d => CheckpointFolders(d).Count > 0)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The checkpoint files of one model folder, by epoch.</summary>
    public static IReadOnlyDictionary<int, string> CheckpointFolders(string modelFolder)
    {
        var result = new SortedDictionary<int, string>();
        foreach (var folder in System.IO.Directory.EnumerateDirectories(modelFolder))
        {
            var match = CheckpointName().Match(Path.GetFileName(folder));
            var file = Path.Combine(folder, "checkpoints");
            if (match.Success && File.Exists(file))
            {
                result[int.Parse(match.Groups[1].Value)] = file;
            }
        }

        return result;
    }

    /// <summary>Reads <c>result.json</c> into metrics by epoch; an absent file yields no metrics.</summary>
    /// <exception cref="ZooFormatException">A line is not a JSON object with the expected numbers.</exception>
    public static IReadOnlyDictionary<int, EpochMetrics> ReadResults(string modelFolder)
    {
        var path = Path.Combine(modelFolder, "result.json");
        var result = new Dictionary<int, EpochMetrics>();
        if (!File.Exists(path))
        {
            return result;
        }

        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var metrics = ParseResultLine(line, path, lineNumber);
            result[metrics.Epoch] = metrics;
        }

        return result;
    }

    /// <summary>The <c>seed</c> of <c>params.json</c>, or null when it is absent.</summary>
    public static long? ReadSeed(string modelFolder)
    {
        var path = Path.Combine(modelFolder, "params.json");
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.TryGetProperty("seed", out var seed) && seed.TryGetInt64(out var value)
            ? value
            : null;
    }

    private static EpochMetrics ParseResultLine(string line, string path, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            double Number(string name) => root.GetProperty(name).GetDouble();
            return new EpochMetrics(root.GetProperty("training_iteration").GetInt32(), Number("train_loss"),
                Number("train_acc"), Number("test_loss"), Number("test_acc"));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException
                                       or FormatException)
        {
            throw new ZooFormatException(
                $"Invalid line {lineNumber} of '{path}': expected a JSON object with train_loss, train_acc, " +
                $"test_loss, test_acc and training_iteration ({ex.Message}).", ex);
        }
    }

    [GeneratedRegex("^checkpoint_0*(\\d+)$")]
    private static partial Regex CheckpointName();
}
