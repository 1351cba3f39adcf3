namespace HyperRepHub.Grains.HyperRepresentations;

/// <summary>
/// Every training option of a hyper-representation, one for one with the ML core's configuration. The defaults
/// are the core's CPU preset (d_model 128, latent 128); the published CNN-s configuration (d_model 800, latent
/// 700) is too heavy for a few CPU cores.
/// </summary>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.HyperRepresentations.HyperRepresentationSettings")]
public sealed record HyperRepresentationSettings
{
    /// <summary>Width of the token embeddings. Default 64.</summary>
    [Id(0)] public int DModel { get; init; } = 64;

    /// <summary>Attention heads per block; must divide <see cref="DModel"/>. Default 4.</summary>
    [Id(1)] public int Heads { get; init; } = 4;

    /// <summary>Encoder transformer blocks. Default 2.</summary>
    [Id(2)] public int EncoderBlocks { get; init; } = 2;

    /// <summary>Decoder transformer blocks. Default 2.</summary>
    [Id(3)] public int DecoderBlocks { get; init; } = 2;

    /// <summary>Hidden width of each block's feed-forward network. Default 128.</summary>
    [Id(4)] public int FeedForward { get; init; } = 128;

    /// <summary>Dimension D of the embedding z. Default 32.</summary>
    [Id(5)] public int LatentDimension { get; init; } = 32;

    /// <summary>Dropout probability. Default 0.2.</summary>
    [Id(6)] public double Dropout { get; init; } = 0.2;

    /// <summary>Linear layers of the projection head, at least 2. Default 4.</summary>
    [Id(7)] public int ProjectionLayers { get; init; } = 4;

    /// <summary>Hidden width of the projection head. Default 64.</summary>
    [Id(8)] public int ProjectionHidden { get; init; } = 64;

    /// <summary>Output width of the projection head. Default 32.</summary>
    [Id(9)] public int ProjectionOutput { get; init; } = 32;

    /// <summary>Weight γ of NT-Xent in (1-γ)·reconstruction + γ·NT-Xent. Default 0.1.</summary>
    [Id(10)] public double Gamma { get; init; } = 0.1;

    /// <summary>NT-Xent temperature. Default 0.1.</summary>
    [Id(11)] public double Temperature { get; init; } = 0.1;

    /// <summary>Divide each layer's reconstruction error by its weight variance. Default true.</summary>
    [Id(12)] public bool LayerWiseNormalization { get; init; } = true;

    /// <summary>Average per-layer means instead of all parameters in the loss. Default false.</summary>
    [Id(13)] public bool LayerMeanReduction { get; init; }

    /// <summary>Initial Adam learning rate. Default 1e-3.</summary>
    [Id(14)] public double LearningRate { get; init; } = 1e-3;

    /// <summary>Adam weight decay. Default 0.</summary>
    [Id(15)] public double WeightDecay { get; init; }

    /// <summary>Samples per step; only complete batches are used. Default 32.</summary>
    [Id(16)] public int BatchSize { get; init; } = 32;

    /// <summary>Maximum number of epochs. Default 400.</summary>
    [Id(17)] public int Epochs { get; init; } = 400;

    /// <summary>Learning-rate factor on a validation plateau; 1 keeps the rate constant. Default 1.</summary>
    [Id(18)] public double PlateauFactor { get; init; } = 1;

    /// <summary>Epochs without validation improvement before the learning rate drops. Default 20.</summary>
    [Id(19)] public int PlateauPatience { get; init; } = 20;

    /// <summary>Epochs without validation improvement before training stops; 0 disables. Default 0.</summary>
    [Id(20)] public int EarlyStoppingPatience { get; init; }

    /// <summary>Probability of random erasing. Default 0.5.</summary>
    [Id(21)] public double ErasingProbability { get; init; } = 0.5;

    /// <summary>Smallest erased block as a fraction of the vector. Default 0.02.</summary>
    [Id(22)] public double ErasingMinFraction { get; init; } = 0.02;

    /// <summary>Largest erased block as a fraction of the vector. Default 0.33.</summary>
    [Id(23)] public double ErasingMaxFraction { get; init; } = 0.33;

    /// <summary>Standard deviation of Gaussian noise on each view; 0 disables. Default 0.</summary>
    [Id(24)] public double NoiseStd { get; init; }

    /// <summary>Seed of initialisation, shuffling, augmentation and dropout. Default 42.</summary>
    [Id(25)] public long Seed { get; init; } = 42;

    /// <summary>Zoo checkpoint epochs to train on. Default 21 to 25.</summary>
    [Id(26)] public IReadOnlyList<int> ZooEpochs { get; init; } = [21, 22, 23, 24, 25];

    /// <summary>Probability that a view gets a random neuron permutation. Default 0.</summary>
    [Id(27)] public double PermutationProbability { get; init; }

    /// <summary>Whether each layer's weights are standardised before encoding. Default true.</summary>
    [Id(28)] public bool NormalizeInputs { get; init; } = true;

    /// <summary>
    /// Whether the network with the lowest validation loss is kept instead of the last one. Default false.
    /// </summary>
    [Id(29)] public bool KeepBestValidation { get; init; }

    /// <summary>
    /// Whether every model's neurons are put into the order of the aligned training split's mean before encoding.
    /// Default true.
    /// </summary>
    [Id(30)] public bool AlignNeurons { get; init; } = true;

    /// <summary>Standard deviation of the noise added to embeddings before decoding in training. Default 0.5.</summary>
    [Id(31)] public double LatentNoise { get; init; } = 0.5;

    /// <summary>
    /// Whether the decoder reconstructs each view's weights before erasing and noise instead of the augmented view.
    /// Default true.
    /// </summary>
    [Id(32)] public bool Denoise { get; init; } = true;
}
