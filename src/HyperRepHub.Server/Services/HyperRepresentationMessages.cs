using Google.Protobuf.WellKnownTypes;
using HyperRepHub.Api.V1;
using HyperRepHub.Grains.HyperRepresentations;
using Status = HyperRepHub.Api.V1.HyperRepresentationStatus;

namespace HyperRepHub.Server.Services;

/// <summary>Converts between hyper-representation messages and grain records.</summary>
internal static class HyperRepresentationMessages
{
    /// <summary>Returns the settings of <paramref name="config"/>; fields left at 0 take defaults.</summary>
    public static HyperRepresentationSettings ToSettings(HyperRepresentationConfig? config)
    {
        var defaults = new HyperRepresentationSettings();
        if (config is null)
        {
            return defaults;
        }

        return new HyperRepresentationSettings
        {
            DModel = Or(config.DModel, defaults.DModel),
            Heads = Or(config.Heads, defaults.Heads),
            EncoderBlocks = Or(config.EncoderBlocks, defaults.EncoderBlocks),
            DecoderBlocks = Or(config.DecoderBlocks, defaults.DecoderBlocks),
            FeedForward = Or(config.FeedForward, defaults.FeedForward),
            LatentDimension = Or(config.LatentDimension, defaults.LatentDimension),
            Dropout = Or(config.Dropout, defaults.Dropout),
            ProjectionLayers = Or(config.ProjectionLayers, defaults.ProjectionLayers),
            ProjectionHidden = Or(config.ProjectionHidden, defaults.ProjectionHidden),
            ProjectionOutput = Or(config.ProjectionOutput, defaults.ProjectionOutput),
            Gamma = Or(config.Gamma, defaults.Gamma),
            Temperature = Or(config.Temperature, defaults.Temperature),
            LayerWiseNormalization = !config.DisableLayerWiseNormalisation,
            LayerMeanReduction = config.LayerMeanReduction,
            LearningRate = Or(config.LearningRate, defaults.LearningRate),
            WeightDecay = config.WeightDecay,
            BatchSize = Or(config.BatchSize, defaults.BatchSize),
            Epochs = Or(config.Epochs, defaults.Epochs),
            PlateauFactor = Or(config.PlateauFactor, defaults.PlateauFactor),
            PlateauPatience = Or(config.PlateauPatience, defaults.PlateauPatience),
            EarlyStoppingPatience = Or(config.EarlyStoppingPatience, defaults.EarlyStoppingPatience),
            ErasingProbability = Or(config.ErasingProbability, defaults.ErasingProbability),
            ErasingMinFraction = Or(config.ErasingMinFraction, defaults.ErasingMinFraction),
            ErasingMaxFraction = Or(config.ErasingMaxFraction, defaults.ErasingMaxFraction),
            NoiseStd = config.NoiseStd,
            Seed = config.Seed == 0 ? defaults.Seed : config.Seed,
            ZooEpochs = config.ZooEpochs.Count == 0 ? defaults.ZooEpochs : [.. config.ZooEpochs],
            PermutationProbability = config.PermutationProbability,
            NormalizeInputs = !config.DisableInputNormalisation,
            KeepBestValidation = config.KeepBestValidation,
            AlignNeurons = !config.DisableNeuronAlignment,
            LatentNoise = config.HasLatentNoise ? config.LatentNoise : defaults.LatentNoise,
            Denoise = !config.ReconstructAugmentedViews,
        };
    }

    public static HyperRepresentation ToMessage(HyperRepresentationDetails details)
    {
        var settings = details.Settings;
        var message = new HyperRepresentation
        {
            HyperRepresentationId = details.Id,
            ZooId = details.ZooId,
            Status = details.Status switch
            {
                Grains.HyperRepresentations.HyperRepresentationStatus.Training => Status.Training,
                Grains.HyperRepresentations.HyperRepresentationStatus.Trained => Status.Trained,
                Grains.HyperRepresentations.HyperRepresentationStatus.Failed => Status.Failed,
                _ => Status.Unspecified,
            },
            OperationId = details.OperationId,
            CreatedAt = Timestamp.FromDateTimeOffset(details.CreatedAt),
            Error = details.Error ?? "",
            Config = ToConfig(settings),
        };
        message.Quality.Add(details.Quality.ToDictionary());
        message.LayerStd.Add(details.LayerStd);
        return message;
    }

    private static HyperRepresentationConfig ToConfig(HyperRepresentationSettings s)
    {
        var config = new HyperRepresentationConfig
        {
            DModel = s.DModel, Heads = s.Heads, EncoderBlocks = s.EncoderBlocks, DecoderBlocks = s.DecoderBlocks,
            FeedForward = s.FeedForward, LatentDimension = s.LatentDimension, Dropout = s.Dropout,
            ProjectionLayers = s.ProjectionLayers, ProjectionHidden = s.ProjectionHidden,
            ProjectionOutput = s.ProjectionOutput, Gamma = s.Gamma, Temperature = s.Temperature,
            DisableLayerWiseNormalisation = !s.LayerWiseNormalization, LayerMeanReduction = s.LayerMeanReduction,
            LearningRate = s.LearningRate, WeightDecay = s.WeightDecay, BatchSize = s.BatchSize, Epochs = s.Epochs,
            PlateauFactor = s.PlateauFactor, PlateauPatience = s.PlateauPatience,
            EarlyStoppingPatience = s.EarlyStoppingPatience, ErasingProbability = s.ErasingProbability,
            ErasingMinFraction = s.ErasingMinFraction, ErasingMaxFraction = s.ErasingMaxFraction,
            NoiseStd = s.NoiseStd, Seed = s.Seed, PermutationProbability = s.PermutationProbability,
            DisableInputNormalisation = !s.NormalizeInputs, KeepBestValidation = s.KeepBestValidation,
            DisableNeuronAlignment = !s.AlignNeurons, LatentNoise = s.LatentNoise,
            ReconstructAugmentedViews = !s.Denoise,
        };
        config.ZooEpochs.Add(s.ZooEpochs);
        return config;
    }

    private static int Or(int value, int fallback) => value == 0 ? fallback : value;

    private static double Or(double value, double fallback) => value == 0 ? fallback : value;
}
