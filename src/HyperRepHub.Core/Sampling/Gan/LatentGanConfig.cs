namespace HyperRepHub.Core.Sampling.Gan;

/// <summary>Sizes and training settings of the latent-space GAN.</summary>
/// <param name="LatentDimension">Dimension D of the embeddings it generates.</param>
/// <param name="NoiseDimension">Dimension of the generator's Gaussian input. Default 16.</param>
/// <param name="Hidden">Width of the hidden layers of both networks. Default 128.</param>
/// <param name="Steps">Training steps, each one discriminator and one generator update. Default 2,000.</param>
/// <param name="BatchSize">Anchors per step, drawn with replacement. Default 64.</param>
/// <param name="LearningRate">Adam learning rate of both networks (betas 0.5, 0.999). Default 2e-4.</param>
public sealed record LatentGanConfig(
    int LatentDimension,
    int NoiseDimension = 16,
    int Hidden = 128,
    int Steps = 2000,
    int BatchSize = 64,
    double LearningRate = 2e-4);
