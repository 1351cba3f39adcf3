using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Model;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Augmentations;

/// <summary>
/// Makes the two views of a batch that the contrastive loss compares: each view gets its own random neuron
/// permutation (with the configured probability), then random erasing, then optional Gaussian noise. All draws come
/// from one generator.
/// </summary>
public sealed class ViewAugmenter
{
    private readonly NeuronPermutation permutation;
    private readonly RandomErasing erasing;
    private readonly double noiseStd;
    private readonly double permutationProbability;

    /// <summary>
    /// Creates the augmenter for <paramref name="architecture"/> with the settings of <paramref name="config"/>.
    /// </summary>
    public ViewAugmenter(ArchitectureSpec architecture, HyperRepConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        permutation = new NeuronPermutation(architecture);
        erasing = new RandomErasing(config.ErasingProbability, config.ErasingMinFraction, config.ErasingMaxFraction);
        noiseStd = config.NoiseStd;
        permutationProbability = config.PermutationProbability;
    }

    /// <summary>Returns two augmented views of weights <c>[B, P]</c>.</summary>
    public (Tensor First, Tensor Second) CreateViews(Tensor weights, Generator generator)
    {
        var (first, second) = CreateViewsWithWeights(weights, generator);
        return (first.View, second.View);
    }

    /// <summary>
    /// Returns two augmented views of weights <c>[B, P]</c>, each with the weights it was made from: permuted like
    /// the view, but neither erased nor noised. Draws the same numbers as <see cref="CreateViews"/>.
    /// </summary>
    public ((Tensor View, Tensor Weights) First, (Tensor View, Tensor Weights) Second) CreateViewsWithWeights(
        Tensor weights, Generator generator) => (CreateView(weights, generator), CreateView(weights, generator));

    private (Tensor View, Tensor Weights) CreateView(Tensor weights, Generator generator)
    {
        var permuted = Permute(weights, generator);
        var view = erasing.Apply(permuted, generator);
        return (noiseStd > 0 ? view + randn(view.shape, generator: generator) * noiseStd : view, permuted);
    }

    private Tensor Permute(Tensor weights, Generator generator)
    {
        if (permutationProbability <= 0)
        {
            return weights;
        }

        var permuted = permutation.Apply(weights, generator);
        if (permutationProbability >= 1)
        {
            return permuted;
        }

        var selected = rand(weights.shape[0], generator: generator) < permutationProbability; // [N]
        return where(selected.unsqueeze(1), permuted, weights);
    }
}
