using HyperRepHub.Core.Datasets;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests;

internal static class TestData
{
    /// <summary>Random normal 28×28 images with random labels, for tests of arithmetic rather than learning.</summary>
    public static ImageDataset RandomImages(int count, int seed, string split = "train")
    {
        var generator = new Generator((ulong)seed);
        var images = randn([count, 1, 28, 28], generator: generator);
        var labels = randint(0, 10, [count], generator: generator);
        return new ImageDataset("random", split, images, labels, 10);
    }

    /// <summary><paramref name="count"/> evenly spaced images of a dataset, keeping every class.</summary>
    public static ImageDataset Take(ImageDataset dataset, int count) => DatasetSubsets.EvenlySpaced(dataset, count);
}
