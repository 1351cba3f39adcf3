using HyperRepHub.Core.Sampling.Gan;
using HyperRepHub.Core.Sampling.Umap;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling;

/// <summary>Fits the sampler that <see cref="SamplerOptions.Method"/> names to a set of anchors.</summary>
public static class SamplerFactory
{
    /// <summary>
    /// Validates the options and the anchors <c>[N, D]</c> (already reduced to the top fraction), then fits the
    /// sampler; the <c>gan</c> method trains its GAN here.
    /// </summary>
    /// <exception cref="SamplingException">Invalid options, too few anchors, non-finite or zero-spread anchors.</exception>
    public static ILatentSampler Fit(SamplerOptions options, Tensor anchors)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Method == SamplerMethods.Uniform)
        {
            AnchorSelection.Validate(anchors, 0, options.Method);
            return new UniformSampler((int)anchors.shape[1]);
        }

        int minimum = MinimumAnchors(options);
        AnchorSelection.Validate(anchors, minimum, options.Method);
        return options.Method switch
        {
            SamplerMethods.Kde => new KdeSampler(Density(options, anchors)),
            SamplerMethods.KdeCoherent => new CoherentKdeSampler(Density(options, anchors)),
            SamplerMethods.Counterfactual => new CounterfactualSampler(Density(options, anchors)),
            SamplerMethods.Neighbour => new NeighbourSampler(anchors, Umap(options), options.InverseNeighbours),
            SamplerMethods.Gan => new GanSampler(LatentGan.Train(anchors,
                new LatentGanConfig((int)anchors.shape[1], Steps: options.GanSteps), options.Seed)),
            _ => throw new SamplingException($"Unknown sampling method '{options.Method}'."),
        };
    }

    /// <summary>The fewest anchors the method can fit: one more than the UMAP neighbours, otherwise 2.</summary>
    public static int MinimumAnchors(SamplerOptions options) =>
        options.Method switch
        {
            SamplerMethods.Uniform => 0,
            SamplerMethods.Neighbour => options.Neighbours + 1,
            _ => 2,
        };

    private static KernelDensity Density(SamplerOptions options, Tensor anchors) =>
        new(anchors, options.BandwidthRule, options.Bandwidth);

    private static UmapOptions Umap(SamplerOptions options) => new()
    {
        Components = 3,
        Neighbours = options.Neighbours,
        MinDistance = options.MinDistance,
        Seed = unchecked((int)options.Seed),
    };
}
