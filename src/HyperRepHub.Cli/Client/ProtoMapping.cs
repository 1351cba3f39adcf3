using HyperRepHub.Api.V1;
using ApiOperationState = HyperRepHub.Api.V1.OperationState;

namespace HyperRepHub.Cli.Client;

/// <summary>Converts between the generated gRPC messages and the client's own records.</summary>
internal static class ProtoMapping
{
    private static readonly Dictionary<string, SamplingMethod> Methods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["uniform"] = SamplingMethod.Uniform,
        ["kde"] = SamplingMethod.Kde,
        ["kde-coherent"] = SamplingMethod.KdeSharedState,
        ["counterfactual"] = SamplingMethod.Counterfactual,
        ["neighbour"] = SamplingMethod.Neighbourhood,
        ["gan"] = SamplingMethod.Gan,
    };

    public static IReadOnlyCollection<string> MethodNames => Methods.Keys;

    public static SamplingMethod ToSamplingMethod(string name) => Methods.TryGetValue(name, out var method)
        ? method
        : throw new HubClientException(
            $"Invalid sampling method '{name}': use one of {string.Join(", ", Methods.Keys)}.");

    public static string ToMethodName(SamplingMethod method) =>
        Methods.FirstOrDefault(pair => pair.Value == method).Key ?? method.ToString().ToLowerInvariant();

    public static OperationInfo ToInfo(Operation operation) => new(
        operation.Id,
        operation.Kind,
        operation.TargetId,
        ToStatus(operation.State),
        operation.Progress,
        operation.Step,
        operation.TotalSteps,
        operation.Message,
        operation.Metrics.ToDictionary(pair => pair.Key, pair => pair.Value),
        operation.Error,
        operation.ResultJson,
        operation.CreateTime?.ToDateTimeOffset(),
        operation.UpdateTime?.ToDateTimeOffset(),
        operation.Done);

    public static OperationStatus ToStatus(ApiOperationState state) => state switch
    {
        ApiOperationState.Pending => OperationStatus.Pending,
        ApiOperationState.Running => OperationStatus.Running,
        ApiOperationState.Succeeded => OperationStatus.Succeeded,
        ApiOperationState.Failed => OperationStatus.Failed,
        ApiOperationState.Cancelled => OperationStatus.Cancelled,
        _ => OperationStatus.Unknown,
    };

    public static ApiOperationState ToState(OperationStatus? status) => status switch
    {
        OperationStatus.Pending => ApiOperationState.Pending,
        OperationStatus.Running => ApiOperationState.Running,
        OperationStatus.Succeeded => ApiOperationState.Succeeded,
        OperationStatus.Failed => ApiOperationState.Failed,
        OperationStatus.Cancelled => ApiOperationState.Cancelled,
        _ => ApiOperationState.Unspecified,
    };

    public static ZooInfo ToInfo(Zoo zoo) => new(
        zoo.ZooId,
        zoo.Dataset,
        zoo.Description,
        zoo.ParameterCount,
        zoo.Models.Select(model => new ZooModelInfo(
            model.ModelId,
            model.Seed,
            model.Checkpoints.Select(c => new ZooCheckpointInfo(c.Epoch, c.TestAccuracy, c.SizeBytes)).ToList()))
            .ToList(),
        zoo.TrainingOperationId);

    public static HyperRepresentationInfo ToInfo(HyperRepresentation record) => new(
        record.HyperRepresentationId,
        record.ZooId,
        record.Status switch
        {
            HyperRepresentationStatus.Training => "training",
            HyperRepresentationStatus.Trained => "trained",
            HyperRepresentationStatus.Failed => "failed",
            _ => "unknown",
        },
        record.OperationId,
        !(record.Config?.DisableLayerWiseNormalisation ?? false),
        record.Quality.ToDictionary(pair => pair.Key, pair => pair.Value),
        record.Error);

    public static PopulationInfo ToInfo(Population population) => new(
        population.PopulationId,
        population.HyperRepresentationId,
        population.ZooId,
        ToMethodName(population.Method),
        population.Count,
        population.TopFraction,
        population.ConditionZooId,
        population.WeightsSizeBytes,
        population.WeightsSha256,
        population.FineTuneOperationIds.ToList());

    public static PopulationStatisticsInfo ToInfo(PopulationStatistics statistics) => new(
        statistics.PopulationId,
        statistics.Accuracy
            .Select(a => new AccuracySummaryInfo(
                a.Epoch, a.Dataset, a.Mean, a.Std, a.Median, a.Min, a.Max, a.Q05, a.Q25, a.Q75, a.Q95))
            .ToList(),
        statistics.NoveltyMean,
        statistics.NoveltyMin,
        statistics.Ensemble.Select(point => new EnsemblePointInfo(point.Size, point.Accuracy)).ToList());

    public static HyperRepresentationConfig ToConfig(HyperRepresentationTraining training)
    {
        var config = training.Config is { } full
            ? HyperRepConfigMapping.ToMessage(full)
            : new HyperRepresentationConfig();
        config.Epochs = Or(training.Epochs, config.Epochs);
        config.Seed = training.Seed == 0 ? config.Seed : training.Seed;
        config.DisableLayerWiseNormalisation |= training.DisableLayerWiseNormalisation;
        config.LatentDimension = Or(training.LatentDimension, config.LatentDimension);
        config.DModel = Or(training.ModelWidth, config.DModel);
        config.BatchSize = Or(training.BatchSize, config.BatchSize);
        config.LearningRate = training.LearningRate == 0 ? config.LearningRate : training.LearningRate;
        config.ZooEpochs.AddRange(training.EpochsToTrainOn ?? []);
        return config;
    }

    private static int Or(int value, int fallback) => value == 0 ? fallback : value;
}
