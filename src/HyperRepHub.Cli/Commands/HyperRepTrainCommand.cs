using System.CommandLine;
using System.Text.Json;
using HyperRepHub.Core.HyperRepresentations;
using HyperRepHub.Core.HyperRepresentations.Losses;
using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.HyperRepresentations.Training;
using HyperRepHub.Core.Zoos;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep hyper-rep train --zoo DIR --out DIR</c>: trains on the zoo's training split, prints one line per
/// epoch, and saves the hyper-representation into the output folder. Checkpoints go to <c>OUT/training</c>;
/// running the same command again after an interruption resumes from the last finished epoch.
/// </summary>
internal static class HyperRepTrainCommand
{
    /// <summary>Sub-folder of the output folder that contains training checkpoints.</summary>
    public const string WorkFolder = "training";

    private static readonly Option<DirectoryInfo> ZooOption = new("--zoo")
    {
        Description = "Zoo folder to train on (the folder that contains manifest.json).",
        Required = true,
    };

    private static readonly Option<DirectoryInfo> OutOption = new("--out")
    {
        Description = "Folder to save the hyper-representation into; checkpoints go to its 'training' sub-folder.",
        Required = true,
    };

    private static readonly Option<bool> NoLwlnOption = new("--no-lwln")
    {
        Description = "Train with plain mean squared error instead of layer-wise loss normalisation (the baseline).",
    };

    private static readonly Option<string> PresetOption = new("--preset")
    {
        Description = "Size preset: 'cpu' (d_model 128, latent 128) or 'paper' (d_model 800, latent 700).",
        DefaultValueFactory = _ => "cpu",
    };

    private static readonly Option<int?> EpochsOption = new("--epochs")
    {
        Description = "Maximum number of epochs (default: the preset's).",
    };

    private static readonly Option<int?> BatchSizeOption = new("--batch-size")
    {
        Description = "Checkpoints per step (default: the preset's); must not exceed the training split.",
    };

    private static readonly Option<ReconstructionReduction?> ReductionOption = new("--reduction")
    {
        Description =
            "Reconstruction reduction: GlobalMean (mean over all weights) or LayerMean (mean of layer means).",
    };

    private static readonly Option<int?> DModelOption = new("--d-model")
    {
        Description = "Width of the token embeddings (default: the preset's); must be a multiple of the 4 heads.",
    };

    private static readonly Option<int?> FeedForwardOption = new("--feed-forward")
    {
        Description = "Hidden width of each transformer block's feed-forward network (default: the preset's).",
    };

    private static readonly Option<int?> LatentOption = new("--latent")
    {
        Description = "Dimension of the embedding z (default: the preset's).",
    };

    private static readonly Option<long?> SeedOption = new("--seed")
    {
        Description = "Seed of initialisation, data order, augmentation and dropout (default 42).",
    };

    private static readonly Option<bool> JsonOption =
        CommonOptions.Json("each epoch and the result, one object per line,");

    public static Command Create()
    {
        var command = new Command("train", "Train a hyper-representation on a zoo folder (resumes if interrupted).");
        foreach (var option in new Option[]
            {
                ZooOption, OutOption, NoLwlnOption, PresetOption, EpochsOption, BatchSizeOption, ReductionOption,
                DModelOption, FeedForwardOption, LatentOption, SeedOption, JsonOption,
            })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) =>
            Task.FromResult(Run(parseResult, cancellationToken)));
        return command;
    }

    private static int Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        bool json = parseResult.GetValue(JsonOption);
        string outDirectory = parseResult.GetValue(OutOption)!.FullName;
        try
        {
            var config = BuildConfig(parseResult);
            var zoo = Zoo.Open(parseResult.GetValue(ZooOption)!.FullName);
            var epochs = ZooTrainingData.DefaultEpochs(zoo);
            var data = ZooTrainingData.Load(zoo, epochs);
            var trainer = new HyperRepTrainer(data, config, Path.Combine(outDirectory, WorkFolder));
            using var result = trainer.Train(p => WriteProgress(output, p, json), cancellationToken);
            HyperRepresentationFolder.Save(result.HyperRepresentation, outDirectory);
            new TrainingRecord(zoo.Directory, epochs, data.Train.Count, result.StoppedEarly, result.History)
                .Save(outDirectory);
            WriteDone(output, outDirectory, result, json);
            return 0;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"Training cancelled. Run the same command again to resume from '{outDirectory}'.");
            return 130;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException
            or ZooFormatException or InvalidDataException)
        {
            error.WriteLine($"Training failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Returns the configuration that <c>--preset</c> and the size options select. The hub version of the command
    /// sends the same configuration, so both train the same model by default.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown preset, or a size out of range.</exception>
    internal static HyperRepConfig BuildConfig(ParseResult parseResult)
    {
        var config = HyperRepConfig.FromPreset(parseResult.GetValue(PresetOption)!);
        config = config with { LayerWiseNormalization = !parseResult.GetValue(NoLwlnOption) };
        config = config with
        {
            Epochs = parseResult.GetValue(EpochsOption) ?? config.Epochs,
            BatchSize = parseResult.GetValue(BatchSizeOption) ?? config.BatchSize,
            Reduction = parseResult.GetValue(ReductionOption) ?? config.Reduction,
            Seed = parseResult.GetValue(SeedOption) ?? config.Seed,
            DModel = parseResult.GetValue(DModelOption) ?? config.DModel,
            FeedForward = parseResult.GetValue(FeedForwardOption) ?? config.FeedForward,
            LatentDimension = parseResult.GetValue(LatentOption) ?? config.LatentDimension,
        };
        config.Validate();
        return config;
    }

    private static void WriteProgress(TextWriter output, EpochProgress progress, bool json)
    {
        output.WriteLine(json
            ? JsonSerializer.Serialize(new { type = "epoch", progress }, HyperRepJson.Options)
            : $"epoch {progress.Epoch}/{progress.Epochs}  loss {progress.TrainLoss:F5}  " +
              $"rec {progress.TrainReconstruction:F5}  nt-xent {progress.TrainContrast:F4}  " +
              $"val {progress.ValidationLoss:F5}  val R² {progress.ValidationR2:F4}  " +
              $"lr {progress.LearningRate:G3}  {progress.SamplesPerSecond:F0} samples/s");
        output.Flush();
    }

    private static void WriteDone(TextWriter output, string directory, HyperRepTrainingResult result, bool json)
    {
        var last = result.History.Count > 0 ? result.History[^1] : null;
        output.WriteLine(json
            ? JsonSerializer.Serialize(new
            {
                type = "done", directory, epochs = result.History.Count, stoppedEarly = result.StoppedEarly,
            }, HyperRepJson.Options)
            : $"Saved the hyper-representation to '{directory}' after {result.History.Count} epochs" +
              (result.StoppedEarly ? " (early stopping)" : "") +
              (last is null ? "." : $"; last validation R² {last.ValidationR2:F4}."));
    }
}
