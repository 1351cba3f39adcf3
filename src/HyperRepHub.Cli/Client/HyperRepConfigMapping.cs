using HyperRepHub.Api.V1;
using HyperRepHub.Core.HyperRepresentations.Losses;
using HyperRepHub.Core.HyperRepresentations.Model;

namespace HyperRepHub.Cli.Client;

/// <summary>Converts the ML core's hyper-representation configuration to the API's message.</summary>
internal static class HyperRepConfigMapping
{
    /// <summary>Returns a message with every size, loss and schedule setting of <paramref name="config"/>.</summary>
    /// <remarks>
    /// NOTE: the hub reads most numeric fields of 0 as "use the hub's default", so a setting that is 0 in
    /// <paramref name="config"/> may differ on the hub: a Dropout of 0 becomes the hub's default of 0.1.
    /// </remarks>
    public static HyperRepresentationConfig ToMessage(HyperRepConfig config) => new()
    {
        DModel = config.DModel,
        Heads = config.Heads,
        EncoderBlocks = config.EncoderBlocks,
        DecoderBlocks = config.DecoderBlocks,
        FeedForward = config.FeedForward,
        LatentDimension = config.LatentDimension,
        Dropout = config.Dropout,
        ProjectionLayers = config.ProjectionLayers,
        ProjectionHidden = config.ProjectionHidden,
        ProjectionOutput = config.ProjectionOutput,
        Gamma = config.Gamma,
        Temperature = config.Temperature,
        DisableLayerWiseNormalisation = !config.LayerWiseNormalization,
        LayerMeanReduction = config.Reduction == ReconstructionReduction.LayerMean,
        LearningRate = config.LearningRate,
        WeightDecay = config.WeightDecay,
        BatchSize = config.BatchSize,
        Epochs = config.Epochs,
        PlateauFactor = config.PlateauFactor,
        PlateauPatience = config.PlateauPatience,
        EarlyStoppingPatience = config.EarlyStoppingPatience,
        ErasingProbability = config.ErasingProbability,
        ErasingMinFraction = config.ErasingMinFraction,
        ErasingMaxFraction = config.ErasingMaxFraction,
        NoiseStd = config.NoiseStd,
        Seed = config.Seed,
        PermutationProbability = config.PermutationProbability,
        DisableInputNormalisation = !config.NormalizeInputs,
        KeepBestValidation = config.KeepBestValidation,
        DisableNeuronAlignment = !config.AlignNeurons,
        LatentNoise = config.LatentNoise,
        ReconstructAugmentedViews = !config.Denoise,
    };
}
