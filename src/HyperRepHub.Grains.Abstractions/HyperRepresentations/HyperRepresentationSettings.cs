namespace HyperRepHub.Grains.HyperRepresentations;

/// <summary>
/// Every training option of a hyper-representation. The defaults are a CPU-sized version of the published
/// CNN-s configuration (d_model 800, latent 700), which is too heavy for a few CPU cores.
/// </summary>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.HyperRepresentations.HyperRepresentationSettings")]
public sealed record HyperRepresentationSettings
{
    /// <summary>Width of the transformer. Default 128.</summary>
    [Id(0)] public int DModel { get; init; } = 128;

    /// <summary>Attention heads; must divide <see cref="DModel"/>. Default 4.</summary>
    [Id(1)] public int Heads { get; init; } = 4;

    /// <summary>Encoder transformer blocks. Default 2.</summary>
    [Id(2)] public int EncoderBlocks { get; init; } = 2;

    /// <summary>Decoder transformer blocks. Default 2.</summary>
    [Id(3)] public int DecoderBlocks { get; init; } = 2;

    /// <summary>Feed-forward width. Default 256.</summary>
    [Id(4)] public int FeedForward { get; init; } = 256;

    /// <summary>Dimension of the embedding z. Default 64.</summary>
    [Id(5)] public int LatentDimension { get; init; } = 64;

    /// <summary>Dropout in the transformer blocks. Default 0.1.</summary>
    [Id(6)] public double Dropout { get; init; } = 0.1;

    /// <summary>Weight γ of the contrastive loss in (1-γ)·L_rec + γ·L_NT-Xent. Default 0.1.</summary>
    [Id(7)] public double Gamma { get; init; } = 0.1;

    /// <summary>NT-Xent temperature. Default 0.1.</summary>
    [Id(8)] public double Temperature { get; init; } = 0.1;

    /// <summary>Divide each layer's reconstruction error by its weight variance. Default true.</summary>
    [Id(9)] public bool LayerWiseNormalisation { get; init; } = true;

    /// <summary>Hidden width of the projection head. Default 400.</summary>
    [Id(10)] public int ProjectionHidden { get; init; } = 400;

    /// <summary>Output width of the projection head. Default 50.</summary>
    [Id(11)] public int ProjectionOutput { get; init; } = 50;

    /// <summary>Permute neurons to make the two views of a sample. Default true.</summary>
    [Id(12)] public bool PermutationAugmentation { get; init; } = true;

    /// <summary>Probability of random erasing. Default 0.5.</summary>
    [Id(13)] public double EraseProbability { get; init; } = 0.5;

    /// <summary>Standard deviation of Gaussian noise added to the weights; 0 turns it off. Default 0.</summary>
    [Id(14)] public double NoiseStd { get; init; }

    /// <summary>Adam learning rate. Default 1e-4.</summary>
    [Id(15)] public double LearningRate { get; init; } = 1e-4;

    /// <summary>Batch size; only complete batches are used. Default 64.</summary>
    [Id(16)] public int BatchSize { get; init; } = 64;

    /// <summary>Training epochs. Default 50.</summary>
    [Id(17)] public int Epochs { get; init; } = 50;

    /// <summary>Seed for initialisation, augmentation and batching. Default 42.</summary>
    [Id(18)] public long Seed { get; init; } = 42;

    /// <summary>Zoo checkpoint epochs to train on. Default 21 to 25.</summary>
    [Id(19)] public IReadOnlyList<int> ZooEpochs { get; init; } = [21, 22, 23, 24, 25];

    /// <summary>Write a checkpoint every this many epochs. Default 1.</summary>
    [Id(20)] public int CheckpointEvery { get; init; } = 1;

    /// <summary>Returns the first invalid setting as "field: problem and fix", or null when all are valid.</summary>
    public string? FindError()
    {
        if (DModel <= 0 || Heads <= 0 || DModel % Heads != 0)
        {
            return $"d_model: must be a positive multiple of heads, got d_model {DModel} and heads {Heads}.";
        }

        if (EncoderBlocks <= 0 || DecoderBlocks <= 0 || FeedForward <= 0 || LatentDimension <= 0)
        {
            return "encoder_blocks, decoder_blocks, feed_forward and latent_dimension: must be positive.";
        }

        if (Dropout is < 0 or >= 1 || EraseProbability is < 0 or > 1 || Gamma is < 0 or > 1)
        {
            return "dropout, erase_probability and gamma: use dropout in [0, 1) and the others in [0, 1].";
        }

        if (Temperature <= 0 || LearningRate <= 0 || NoiseStd < 0)
        {
            return "temperature and learning_rate must be positive and noise_std must not be negative.";
        }

        if (BatchSize < 2 || Epochs <= 0 || CheckpointEvery <= 0 || ProjectionHidden <= 0 || ProjectionOutput <= 0)
        {
            return "batch_size: needs at least 2 for the contrastive loss; epochs, checkpoint_every and the " +
                "projection sizes must be positive.";
        }

        return ZooEpochs.Count == 0 || ZooEpochs.Any(e => e < 0)
            ? "epochs_to_train_on: list one or more zoo checkpoint epochs, each 0 or more."
            : null;
    }
}
