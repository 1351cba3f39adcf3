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
public sealed record DemoSettings(
    string Prefix,
    int ZooModels,
    int ZooEpochs,
    int UnseenZooModels,
    IReadOnlyList<int> EpochsToTrainOn,
    int HyperRepEpochs,
    int PopulationSize,
    int EnsembleSize,
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
    /// The demo's default: enough models and epochs for a meaningful hyper-representation on 2 cores.
    /// NOTE: sized by estimate (the fast preset reaches high MNIST accuracy in 5 epochs); the whole run's duration
    /// on 2 cores has not been measured end to end through the hub yet.
    /// </summary>
    public static DemoSettings Fast { get; } = new("demo", ZooModels: 30, ZooEpochs: 5, UnseenZooModels: 10,
        EpochsToTrainOn: [3, 4, 5], HyperRepEpochs: 30, PopulationSize: 50, EnsembleSize: 15);

    /// <summary>A configuration that runs in seconds, for tests: a few models, one epoch each.</summary>
    public static DemoSettings Tiny { get; } = new("demo-tiny", ZooModels: 4, ZooEpochs: 1, UnseenZooModels: 2,
        EpochsToTrainOn: [1], HyperRepEpochs: 1, PopulationSize: 4, EnsembleSize: 2);

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
