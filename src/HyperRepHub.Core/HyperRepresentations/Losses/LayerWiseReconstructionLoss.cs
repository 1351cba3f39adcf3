using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Tokens;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Losses;

/// <summary>
/// Reconstruction loss with optional layer-wise loss normalisation (LWLN): the squared error of each parameter
/// of layer l is divided by σ_l², so that layers with small weights count as much as layers with large ones.
/// Without LWLN it is plain mean squared error.
/// </summary>
public sealed class LayerWiseReconstructionLoss
{
    private readonly (int Offset, int Length)[] layers;
    private readonly Tensor inverseVariance;
    private readonly long parameterCount;

    /// <summary>Creates the loss for <paramref name="architecture"/>; statistics are only needed with LWLN.</summary>
    public LayerWiseReconstructionLoss(ArchitectureSpec architecture, LayerStatistics? statistics, bool normalize)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (normalize && statistics is null)
        {
            throw new ArgumentNullException(nameof(statistics), "Layer-wise normalisation needs layer statistics.");
        }

        layers = architecture.Layout.Layers.Select(l => (l.Offset, l.Length)).ToArray();
        parameterCount = architecture.ParameterCount;
        inverseVariance = normalize
            ? statistics!.StdPerParameter(architecture).pow(-2).DetachFromDisposeScope()
            : ones(parameterCount).DetachFromDisposeScope();
        IsNormalized = normalize;
    }

    /// <summary>Whether each layer's squared error is divided by its σ².</summary>
    public bool IsNormalized { get; }

    /// <summary>
    /// Computes the loss of <paramref name="prediction"/> against <paramref name="target"/>, both <c>[N, P]</c>.
    /// </summary>
    public Tensor Compute(Tensor prediction, Tensor target, ReconstructionReduction reduction)
    {
        var squared = (prediction - target).square() * inverseVariance.to(prediction.device); // [N, P]
        long samples = prediction.shape[0];
        return reduction switch
        {
            ReconstructionReduction.GlobalMean => squared.sum() / (samples * parameterCount),
            ReconstructionReduction.LayerMean => PerLayer(squared).mean(),
            _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "Unknown reduction."),
        };
    }

    /// <summary>Computes each layer's mean (normalised) squared error, <c>[layers]</c>.</summary>
    public Tensor ComputePerLayer(Tensor prediction, Tensor target) =>
        PerLayer((prediction - target).square() * inverseVariance.to(prediction.device));

    private Tensor PerLayer(Tensor squared)
    {
        var means = layers.Select(l => squared.narrow(1, l.Offset, l.Length).mean()).ToArray();
        return stack(means); // [layers]
    }
}
