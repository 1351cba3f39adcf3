using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Evaluation;

/// <summary>A one-layer classifier of 2×2 images into 3 classes, small enough to check by hand.</summary>
internal static class TinyPopulation
{
    public static ArchitectureSpec Spec { get; } =
        new("tiny-linear", 1, 2, 2, 3, [LayerSpec.Flat(), LayerSpec.Dense(4, 3)]); // 15 parameters

    public static ImageDataset Dataset(int count, long seed)
    {
        using var generator = new Generator((ulong)seed);
        var images = randn([count, 1, 2, 2], generator: generator);
        var labels = randint(3, [count], generator: generator);
        return new ImageDataset("tiny", "test", images, labels, 3);
    }

    public static Tensor Weights(int models, long seed)
    {
        using var generator = new Generator((ulong)seed);
        return randn([models, 15], generator: generator); // [M, 15]
    }

    /// <summary>Logits of one model computed directly: <c>x · Wᵀ + b</c>, <c>[N, 3]</c>.</summary>
    public static Tensor Logits(Tensor flat, ImageDataset dataset)
    {
        var weight = flat.narrow(0, 0, 12).view(3, 4);
        var bias = flat.narrow(0, 12, 3);
        return dataset.Images.flatten(1).matmul(weight.t()) + bias;
    }
}
