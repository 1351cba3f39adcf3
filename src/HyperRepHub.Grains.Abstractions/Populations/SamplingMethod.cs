namespace HyperRepHub.Grains.Populations;

/// <summary>How embeddings are drawn before the decoder turns them into weights.</summary>
public enum SamplingMethod
{
    /// <summary>S_U: z uniform in [-1, 1]^D.</summary>
    Uniform,

    /// <summary>S_KDE: an independent 1-D Gaussian KDE per latent dimension, each drawn independently.</summary>
    Kde,

    /// <summary>The released code's KDE, which reuses one random state for every dimension.</summary>
    KdeSharedState,

    /// <summary>S_C: draws from regions where the per-dimension KDE density is low.</summary>
    Counterfactual,

    /// <summary>S_Neigh: uniform points in a 3-D UMAP box of the anchors, mapped back to the latent space.</summary>
    Neighbourhood,

    /// <summary>S_GAN: a small GAN trained on the anchors.</summary>
    Gan,
}
