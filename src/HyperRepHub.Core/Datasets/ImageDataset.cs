using static TorchSharp.torch;

namespace HyperRepHub.Core.Datasets;

/// <summary>
/// Normalised images and their labels, in memory.
/// </summary>
/// <param name="Name">Dataset name, for example <c>mnist</c>.</param>
/// <param name="Split"><c>train</c> or <c>test</c>.</param>
/// <param name="Images">Float32 images <c>[N, C, H, W]</c>, already normalised.</param>
/// <param name="Labels">Int64 class labels <c>[N]</c>.</param>
/// <param name="Classes">Number of classes.</param>
public sealed record ImageDataset(string Name, string Split, Tensor Images, Tensor Labels, int Classes)
{
    /// <summary>Number of images.</summary>
    public long Count => Labels.shape[0];
}
