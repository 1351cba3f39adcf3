using Google.Protobuf.WellKnownTypes;
using HyperRepHub.Api.V1;
using HyperRepHub.Grains.Populations;
using ProtoMethod = HyperRepHub.Api.V1.SamplingMethod;
using SamplingMethod = HyperRepHub.Grains.Populations.SamplingMethod;

namespace HyperRepHub.Server.Services;

/// <summary>Converts between population messages and grain records.</summary>
internal static class PopulationMessages
{
    public const double DefaultBandwidth = 0.002;

    // Sample around the embeddings of the 30% most accurate anchors, as the local sampler does by default.
    public const double DefaultTopFraction = 0.3;

    public static PopulationDefinition ToDefinition(GeneratePopulationRequest request) => new(
        request.HyperRepresentationId,
        request.Method switch
        {
            ProtoMethod.Uniform => SamplingMethod.Uniform,
            ProtoMethod.Kde => SamplingMethod.Kde,
            ProtoMethod.KdeSharedState => SamplingMethod.KdeSharedState,
            ProtoMethod.Counterfactual => SamplingMethod.Counterfactual,
            ProtoMethod.Neighbourhood => SamplingMethod.Neighbourhood,
            ProtoMethod.Gan => SamplingMethod.Gan,
            _ => throw Grains.Errors.HubException.InvalidArgument("method",
                "set a sampling method, for example SAMPLING_METHOD_KDE."),
        },
        request.Count,
        request.TopFraction == 0 ? DefaultTopFraction : request.TopFraction,
        request.Seed,
        request.Bandwidth == 0 ? DefaultBandwidth : request.Bandwidth,
        request.ConditionZooId.Length == 0 ? null : request.ConditionZooId,
        request.Evaluate,
        request.EvaluateTestImages);

    public static Population ToMessage(PopulationDetails details)
    {
        var definition = details.Definition;
        var generated = details.Weights.First(w => w.Epoch == 0);
        var message = new Population
        {
            PopulationId = details.Id,
            HyperRepresentationId = definition.HyperRepresentationId,
            ZooId = details.ZooId,
            Method = (ProtoMethod)((int)definition.Method + 1),
            Count = definition.Count,
            TopFraction = definition.TopFraction,
            Seed = definition.Seed,
            Bandwidth = definition.Bandwidth,
            ConditionZooId = definition.ConditionZooId ?? "",
            WeightsSizeBytes = generated.SizeBytes,
            WeightsSha256 = generated.Sha256,
            CreatedAt = Timestamp.FromDateTimeOffset(details.CreatedAt),
        };
        message.FineTuneOperationIds.Add(details.OperationIds);
        return message;
    }

    public static PopulationStatistics ToStatistics(PopulationDetails details)
    {
        var statistics = new PopulationStatistics
        {
            PopulationId = details.Id, NoveltyMean = details.NoveltyMean, NoveltyMin = details.NoveltyMin,
        };
        statistics.Accuracy.Add(details.Accuracy.Select(a => new Api.V1.AccuracySummary
        {
            Epoch = a.Epoch, Dataset = a.Dataset, Mean = a.Mean, Std = a.Std, Median = a.Median,
            Q05 = a.Quantiles[0], Q25 = a.Quantiles[1], Q75 = a.Quantiles[2], Q95 = a.Quantiles[3],
            Min = a.Min, Max = a.Max,
        }));
        statistics.Ensemble.Add(details.Ensemble.Select(e => new Api.V1.EnsemblePoint
        {
            Size = e.Size, Accuracy = e.Accuracy,
        }));
        return statistics;
    }
}
