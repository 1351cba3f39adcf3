using static TorchSharp.torch;

namespace HyperRepHub.Core.Training;

/// <summary>The order a model visits the training images in: a permutation fixed by the model's seed and the epoch.</summary>
public static class DataOrder
{
    /// <summary>Returns an int64 permutation <c>[count]</c> of the training image indices for one epoch (1-based).</summary>
    public static Tensor Permutation(long seed, int epoch, long count)
    {
        // Separate streams per (seed, epoch): no generator state has to be saved to resume at an epoch boundary.
        var generator = new Generator(unchecked((ulong)(seed * 1_000_003 + epoch)));
        return randperm(count, generator: generator);
    }
}
