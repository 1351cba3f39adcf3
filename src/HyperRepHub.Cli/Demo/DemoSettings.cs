namespace HyperRepHub.Cli.Demo;

/// <summary>Sizes and ids of one demo run.</summary>
/// <param name="Prefix">Prefix of every id the demo creates on the hub; reruns with the same prefix reuse them.</param>
/// <param name="ZooModels">Models of the MNIST zoo.</param>
/// <param name="ZooEpochs">Training epochs of each zoo model.</param>
/// <param name="UnseenZooModels">Models of the Fashion-MNIST zoo the hyper-representation never sees.</param>
/// <param name="EpochsToTrainOn">Zoo checkpoint epochs the hyper-representation learns from.</param>
/// <param name="HyperRepEpochs">Training epochs of each hyper-representation.</param>
/// <param name="PopulationSize">Models per generated population.</param>
/// <param name="EnsembleSize">Models per ensemble (the paper uses 15).</param>
/// <param name="TrainImages">Training images for zoo training and fine-tuning; 0 uses the whole training set.</param>
/// <param name="TestImages">Test images for evaluation during training and fine-tuning; 0 uses them all.</param>
/// <param name="ModelWidth">Token width of the hyper-representation's transformer; 0 takes the hub's 64.</param>
/// <param name="LatentDimension">Size of each model's embedding; 0 takes the hub's 64.</param>
/// <param name="HyperRepBatchSize">Checkpoints per hyper-representation step; 0 takes the hub's 32.</param>
/// <param name="Seed">Seed of zoo training, hyper-representation training, sampling and fine-tuning.</param>
public sealed record DemoSettings(
    string Prefix,
    int ZooModels,
    int ZooEpochs,
    int UnseenZooModels,
    IReadOnlyList<int> EpochsToTrainOn,
    int HyperRepEpochs,
    int PopulationSize,
    int EnsembleSize,
    int TrainImages = 0,
    int TestImages = 0,
    int ModelWidth = 0,
    int LatentDimension = 0,
    int HyperRepBatchSize = 0,
    long Seed = 42)
{
    /// <summary>Id of the MNIST zoo.</summary>
    public string ZooId => $"{Prefix}-mnist";

    /// <summary>Id of the Fashion-MNIST zoo used for conditioning.</summary>
    public string UnseenZooId => $"{Prefix}-fmnist";

    /// <summary>Id of the hyper-representation trained with layer-wise loss normalisation.</summary>
    public string LwlnId => $"{Prefix}-lwln";

    /// <summary>Id of the baseline hyper-representation trained with plain MSE.</summary>
    public string MseId => $"{Prefix}-mse";

    /// <summary>
    /// The demo's default, sized to finish in about a quarter of an hour on 2 cores. It trains 30 MNIST models for 5
    /// epochs on 4,000 images and a hyper-representation of the hub's default size for 200 epochs on the last three
    /// checkpoints, then fine-tunes populations of 20 models on 4,000 images. It is far smaller than the paper's zoo
    /// and training, so its numbers are a smoke test of the method, not a reproduction.
    /// </summary>
    public static DemoSettings Fast { get; } = new("demo", ZooModels: 30, ZooEpochs: 5, UnseenZooModels: 8,
        EpochsToTrainOn: [3, 4, 5], HyperRepEpochs: 200, PopulationSize: 20, EnsembleSize: 15, TrainImages: 4000,
        TestImages: 1000, HyperRepBatchSize: 8);

    /// <summary>A configuration for tests that runs in about a minute: a few models, one epoch each.</summary>
    public static DemoSettings Tiny { get; } = new("demo-tiny", ZooModels: 12, ZooEpochs: 1, UnseenZooModels: 2,
        EpochsToTrainOn: [0, 1], HyperRepEpochs: 1, PopulationSize: 4, EnsembleSize: 2, TrainImages: 320,
        TestImages: 200, ModelWidth: 32, LatentDimension: 16, HyperRepBatchSize: 4);

    /// <summary>Returns the preset named <paramref name="name"/>: fast or tiny.</summary>
    public static DemoSettings Get(string name) => name.ToLowerInvariant() switch
    {
        "fast" => Fast,
        "tiny" => Tiny,
        _ => throw new Client.HubClientException($"Invalid demo preset '{name}': use 'fast' or 'tiny'."),
    };

    /// <summary>Returns these settings with a time-stamped prefix, so nothing from an earlier run is reused.</summary>
    public DemoSettings Fresh(DateTimeOffset now) => this with { Prefix = $"{Prefix}-{now:yyyyMMddHHmmss}" };
}
