using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.HyperRepresentations.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.HyperRepresentations;

/// <summary>Seeded random weight sets and tiny configurations for fast hyper-representation tests.</summary>
internal static class SyntheticZoo
{
    /// <summary>
    /// A configuration small enough that an epoch on a few dozen CNN-s vectors takes well under a second.
    /// </summary>
    public static HyperRepConfig TinyConfig { get; } = new(
        DModel: 16, Heads: 2, EncoderBlocks: 1, DecoderBlocks: 1, FeedForward: 32, LatentDimension: 8,
        Dropout: 0.1, ProjectionLayers: 2, ProjectionHidden: 16, ProjectionOutput: 8,
        LearningRate: 3e-3, BatchSize: 8, Epochs: 4, PlateauPatience: 2, Seed: 7);

    /// <summary>
    /// Weights <c>[count, P]</c> that look like a zoo: every model is a shared base plus a small per-model offset,
    /// and layer l's scale is 2^-l so the layers differ in magnitude as trained networks do.
    /// </summary>
    public static Tensor Weights(ArchitectureSpec architecture, int count, long seed)
    {
        var generator = new Generator((ulong)seed);
        var scale = new float[architecture.ParameterCount];
        var layers = architecture.Layout.Layers;
        for (int i = 0; i < layers.Count; i++)
        {
            Array.Fill(scale, MathF.Pow(2, -i), layers[i].Offset, layers[i].Length);
        }

        var baseline = randn(1, architecture.ParameterCount, generator: new Generator(99));
        var offsets = randn(count, architecture.ParameterCount, generator: generator) * 0.3;
        return (baseline + offsets) * tensor(scale);
    }

    /// <summary>A weight set of <paramref name="models"/> models with two epochs each.</summary>
    public static WeightSet Split(ArchitectureSpec architecture, int models, long seed, string prefix)
    {
        int rows = models * 2;
        var ids = Enumerable.Range(0, rows).Select(i => $"{prefix}{i / 2}").ToArray();
        var epochs = Enumerable.Range(0, rows).Select(i => 21 + i % 2).ToArray();
        var accuracies = Enumerable.Range(0, rows).Select(i => 0.5 + 0.01 * i).ToArray();
        return new WeightSet(Weights(architecture, rows, seed), ids, epochs, accuracies);
    }

    /// <summary>Training (12 models), validation (3) and test (3) splits of CNN-s.</summary>
    public static HyperRepTrainingData CnnSmallData() => new(
        BuiltInArchitectures.CnnSmall,
        Split(BuiltInArchitectures.CnnSmall, 12, 1, "train-"),
        Split(BuiltInArchitectures.CnnSmall, 3, 2, "val-"),
        Split(BuiltInArchitectures.CnnSmall, 3, 3, "test-"),
        "synthetic");

    /// <summary>A fresh temporary directory.</summary>
    public static string TemporaryDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "hyperrep-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
