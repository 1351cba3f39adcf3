using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling;

/// <summary>S_U: embeddings uniform in [-1, 1]^D, the range of the encoder's tanh output. Ignores anchors.</summary>
public sealed class UniformSampler : ILatentSampler
{
    /// <summary>Creates a sampler of <paramref name="latentDimension"/>-dimensional embeddings.</summary>
    public UniformSampler(int latentDimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latentDimension, 1);
        LatentDimension = latentDimension;
    }

    /// <inheritdoc/>
    public string Method => SamplerMethods.Uniform;

    /// <inheritdoc/>
    public int LatentDimension { get; }

    /// <inheritdoc/>
    public Tensor Sample(int count, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var generator = new Generator((ulong)seed);
        return rand([count, LatentDimension], generator: generator) * 2 - 1; // [count, D]
    }
}
