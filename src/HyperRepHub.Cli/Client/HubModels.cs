using HyperRepHub.Core.HyperRepresentations.Model;

namespace HyperRepHub.Cli.Client;

/// <summary>Where an operation is in its life; the last three are final.</summary>
public enum OperationStatus
{
    Unknown,
    Pending,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>One state of a long-running hub operation (training, fine-tuning, import, evaluation).</summary>
/// <param name="Progress">Fraction done, 0 to 1.</param>
/// <param name="TotalSteps">0 when unknown.</param>
/// <param name="ResultJson">The result as JSON once succeeded, otherwise empty.</param>
public sealed record OperationInfo(
    string Id,
    string Kind,
    string TargetId,
    OperationStatus Status,
    double Progress,
    long Step,
    long TotalSteps,
    string Message,
    IReadOnlyDictionary<string, double> Metrics,
    string Error,
    string ResultJson,
    DateTimeOffset? Created,
    DateTimeOffset? Updated,
    bool Done);

/// <summary>A page of operations, newest first; <paramref name="NextPageToken"/> is empty on the last page.</summary>
public sealed record OperationPage(IReadOnlyList<OperationInfo> Operations, string NextPageToken);

/// <summary>One stored checkpoint of a zoo model; <paramref name="TestAccuracy"/> is negative when unknown.</summary>
public sealed record ZooCheckpointInfo(int Epoch, double TestAccuracy, long SizeBytes);

/// <summary>One model of a zoo on the hub.</summary>
public sealed record ZooModelInfo(string ModelId, long Seed, IReadOnlyList<ZooCheckpointInfo> Checkpoints);

/// <summary>A zoo on the hub; <paramref name="TrainingOperationId"/> is empty unless the hub trains it.</summary>
public sealed record ZooInfo(
    string ZooId,
    string Dataset,
    string Description,
    int ParameterCount,
    IReadOnlyList<ZooModelInfo> Models,
    string TrainingOperationId);

/// <summary>The request to create an empty zoo: a built-in architecture name or a full spec as JSON.</summary>
public sealed record ZooCreation(string ZooId, string Architecture, string ArchitectureJson, string Dataset,
    string Description);

/// <summary>
/// The request to train a zoo on the hub; zero fields take the hub's defaults, and zero image counts use the whole
/// training and test sets.
/// </summary>
public sealed record ZooTraining(string ZooId, string Dataset, int ModelCount, int Epochs, long Seed,
    double LearningRate = 0, int BatchSize = 0, int TrainImages = 0, int TestImages = 0);

/// <summary>
/// Hyper-representation training options. Zero fields take the values of <paramref name="Config"/> when it is set,
/// else the hub's defaults.
/// </summary>
/// <param name="DisableLayerWiseNormalisation">Train the baseline with plain MSE instead of layer-wise
/// normalised reconstruction loss.</param>
/// <param name="Config">A complete configuration to send, such as a local preset with overrides; null sends only the
/// fields above.</param>
public sealed record HyperRepresentationTraining(
    string ZooId,
    string HyperRepresentationId,
    int Epochs,
    long Seed,
    bool DisableLayerWiseNormalisation,
    int LatentDimension = 0,
    int ModelWidth = 0,
    int BatchSize = 0,
    double LearningRate = 0,
    IReadOnlyList<int>? EpochsToTrainOn = null,
    HyperRepConfig? Config = null);

/// <summary>The ids a started hyper-representation training returns.</summary>
public sealed record StartedTraining(string HyperRepresentationId, string OperationId);

/// <summary>A hyper-representation on the hub; <paramref name="Status"/> is training, trained or failed.</summary>
public sealed record HyperRepresentationInfo(
    string HyperRepresentationId,
    string ZooId,
    string Status,
    string OperationId,
    bool LayerWiseNormalisation,
    IReadOnlyDictionary<string, double> Quality,
    string Error);

/// <summary>The request to sample and decode a population.</summary>
/// <param name="Method">A sampler name: uniform, kde, kde-coherent, counterfactual, neighbour or gan.</param>
/// <param name="TopFraction">Keep the best anchors by accuracy: 0.3 keeps the top 30%, 1 keeps all.</param>
/// <param name="ConditionZooId">A zoo the hyper-representation never saw whose embeddings become the anchors.</param>
/// <param name="Bandwidth">KDE bandwidth; 0 takes the hub's default.</param>
/// <param name="Evaluate">
/// Whether the hub also measures the models' accuracy on the test split of the zoo's dataset. The summary appears
/// as epoch 0 in the statistics.
/// </param>
/// <param name="EvaluateTestImages">With <paramref name="Evaluate"/>: evenly spaced test images to use; 0 uses the
/// whole test split.</param>
public sealed record PopulationGeneration(
    string HyperRepresentationId,
    string Method,
    int Count,
    double TopFraction,
    long Seed,
    string ConditionZooId = "",
    double Bandwidth = 0,
    bool Evaluate = false,
    int EvaluateTestImages = 0);

/// <summary>A generated population on the hub.</summary>
public sealed record PopulationInfo(
    string PopulationId,
    string HyperRepresentationId,
    string ZooId,
    string Method,
    int Count,
    double TopFraction,
    string ConditionZooId,
    long WeightsSizeBytes,
    string WeightsSha256,
    IReadOnlyList<string> FineTuneOperationIds);

/// <summary>Test accuracy over a population's models at one fine-tuning epoch (0 before any).</summary>
public sealed record AccuracySummaryInfo(int Epoch, string Dataset, double Mean, double Std, double Median,
    double Min, double Max, double Q05 = double.NaN, double Q25 = double.NaN, double Q75 = double.NaN,
    double Q95 = double.NaN);

/// <summary>Accuracy of an ensemble of <paramref name="Size"/> models whose softmax outputs are averaged.</summary>
public sealed record EnsemblePointInfo(int Size, double Accuracy);

/// <summary>A population's accuracy per epoch, its novelty and its ensemble curve.</summary>
/// <param name="NoveltyMean">Mean distance of each generated embedding to its nearest anchor.</param>
public sealed record PopulationStatisticsInfo(
    string PopulationId,
    IReadOnlyList<AccuracySummaryInfo> Accuracy,
    double NoveltyMean,
    double NoveltyMin,
    IReadOnlyList<EnsemblePointInfo> Ensemble);

/// <summary>Fine-tuning options; zero fields take the hub's defaults.</summary>
public sealed record FineTuning(string PopulationId, string Dataset, int Epochs, long Seed,
    double LearningRate = 0, int BatchSize = 0, int TrainImages = 0, int TestImages = 0);

/// <summary>One model file of a population download.</summary>
public sealed record DownloadedModel(int Index, string FileName, long SizeBytes);
