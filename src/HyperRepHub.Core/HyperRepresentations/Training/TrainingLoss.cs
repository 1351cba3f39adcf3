using HyperRepHub.Core.HyperRepresentations.Augmentations;
using HyperRepHub.Core.HyperRepresentations.Losses;
using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.HyperRepresentations.Tokens;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Training;

/// <summary>
/// The training objective (1-γ)·reconstruction + γ·NT-Xent on two augmented views of a batch. The
/// reconstruction target of each view is the view itself, erasures and permutation included, or with
/// <see cref="HyperRepConfig.Denoise"/> the permuted weights before erasing and noise. With
/// <see cref="HyperRepConfig.LatentNoise"/>, the decoder reconstructs each view from its embedding plus Gaussian
/// noise, so points between and around the embeddings also decode to working weights.
/// </summary>
public sealed class TrainingLoss
{
    private readonly HyperRepAutoencoder network;
    private readonly ViewAugmenter augmenter;

    /// <summary>
    /// Creates the objective of <paramref name="network"/> with the training split's <paramref name="statistics"/>.
    /// </summary>
    public TrainingLoss(HyperRepAutoencoder network, LayerStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(network);
        this.network = network;
        var architecture = network.Tokenizer.Architecture;
        augmenter = new ViewAugmenter(architecture, network.Config);
        Reconstruction = new LayerWiseReconstructionLoss(architecture, statistics,
            network.Config.LayerWiseNormalization);
    }

    /// <summary>The reconstruction loss, with or without layer-wise normalisation as configured.</summary>
    public LayerWiseReconstructionLoss Reconstruction { get; }

    /// <summary>
    /// Computes the loss of a batch <c>[B, P]</c> and returns the total, reconstruction and NT-Xent terms.
    /// </summary>
    public (Tensor Total, Tensor Reconstruction, Tensor Contrast) Compute(Tensor batch, Generator augmentation)
    {
        var (first, second) = augmenter.CreateViewsWithWeights(batch, augmentation);
        var targets = network.Config.Denoise ? cat([first.Weights, second.Weights], 0) : null;
        return ComputeOnViews(first.View, second.View, augmentation, targets);
    }

    /// <summary>
    /// Computes the loss of two given views <c>[B, P]</c> of one batch, without augmenting them. Latent noise, when
    /// configured, is drawn from <paramref name="latentNoise"/> in training mode; without a generator it is left out.
    /// The decoder reconstructs <paramref name="targets"/> <c>[2B, P]</c> (both views' targets, first view first),
    /// or the views themselves when it is null.
    /// </summary>
    public (Tensor Total, Tensor Reconstruction, Tensor Contrast) ComputeOnViews(Tensor first, Tensor second,
        Generator? latentNoise = null, Tensor? targets = null)
    {
        var config = network.Config;
        long size = first.shape[0];
        var views = cat([first, second], 0); // [2B, P]
        var z = network.Encode(views); // [2B, D]
        var decodedFrom = config.LatentNoise > 0 && network.training && latentNoise is not null
            ? z + randn(z.shape, generator: latentNoise) * config.LatentNoise
            : z;
        var reconstruction = Reconstruction.Compute(network.Decode(decodedFrom), targets ?? views, config.Reduction);
        var projections = network.Project(z); // [2B, K]
        var contrast = NtXentLoss.Compute(projections.narrow(0, 0, size), projections.narrow(0, size, size),
            config.Temperature);
        var total = reconstruction * (1 - config.Gamma) + contrast * config.Gamma;
        return (total, reconstruction, contrast);
    }
}
