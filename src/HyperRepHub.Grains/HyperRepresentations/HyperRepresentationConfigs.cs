using HyperRepHub.Core.HyperRepresentations.Losses;
using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Grains.Errors;

namespace HyperRepHub.Grains.HyperRepresentations;

/// <summary>Converts grain settings to the ML core's <see cref="HyperRepConfig"/> and validates them.</summary>
public static class HyperRepresentationConfigs
{
    /// <summary>Returns the core configuration of <paramref name="settings"/>.</summary>
    public static HyperRepConfig ToConfig(HyperRepresentationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new HyperRepConfig(settings.DModel, settings.Heads, settings.EncoderBlocks, settings.DecoderBlocks,
            settings.FeedForward, settings.LatentDimension, settings.Dropout, settings.ProjectionLayers,
            settings.ProjectionHidden, settings.ProjectionOutput, settings.Gamma, settings.Temperature,
            settings.LayerWiseNormalization,
            settings.LayerMeanReduction ? ReconstructionReduction.LayerMean : ReconstructionReduction.GlobalMean,
            settings.LearningRate, settings.WeightDecay, settings.BatchSize, settings.Epochs, settings.PlateauFactor,
            settings.PlateauPatience, settings.EarlyStoppingPatience, settings.ErasingProbability,
            settings.ErasingMinFraction, settings.ErasingMaxFraction, settings.NoiseStd, settings.Seed,
            settings.PermutationProbability, settings.NormalizeInputs, settings.KeepBestValidation,
            settings.AlignNeurons, settings.LatentNoise, settings.Denoise);
    }

    /// <summary>Throws InvalidArgument naming the first setting out of range.</summary>
    public static void Validate(HyperRepresentationSettings settings)
    {
        try
        {
            ToConfig(settings).Validate();
        }
        catch (ArgumentException ex)
        {
            throw HubException.InvalidArgument("config", ex.Message);
        }

        if (settings.ZooEpochs.Count == 0 || settings.ZooEpochs.Any(e => e < 0))
        {
            throw HubException.InvalidArgument("config.zoo_epochs",
                "list one or more zoo checkpoint epochs, each 0 or more, for example 21 to 25.");
        }
    }
}
