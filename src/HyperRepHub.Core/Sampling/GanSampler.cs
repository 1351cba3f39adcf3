using HyperRepHub.Core.Sampling.Gan;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling;

/// <summary>S_GAN: embeddings from a latent-space GAN trained on the anchors.</summary>
public sealed class GanSampler(LatentGan gan) : ILatentSampler
{
    /// <summary>The trained GAN, to save beside the hyper-representation.</summary>
    public LatentGan Gan { get; } = gan;

    /// <inheritdoc/>
    public string Method => SamplerMethods.Gan;

    /// <inheritdoc/>
    public int LatentDimension => Gan.Config.LatentDimension;

    /// <inheritdoc/>
    public Tensor Sample(int count, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Gan.Sample(count, seed);
    }
}
