using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling;

/// <summary>A sampler already fitted to its anchors: draws new embeddings z* for a decoder.</summary>
public interface ILatentSampler
{
    /// <summary>Method name, one of <see cref="SamplerMethods.Names"/>.</summary>
    string Method { get; }

    /// <summary>Dimension D of the embeddings it draws.</summary>
    int LatentDimension { get; }

    /// <summary>Draws <paramref name="count"/> embeddings <c>[count, D]</c>; the same seed gives the same draws.</summary>
    Tensor Sample(int count, long seed);
}
