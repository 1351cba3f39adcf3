using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
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
    public const string WorkFolder = HyperRepresentationFolder.TrainingFolder;

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
        Description = "Size preset: 'cpu' (d_model 64, latent 32) or 'paper' (d_model 800, latent 700).",
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

    private static readonly Option<double?> LearningRateOption = CommonOptions.Number("--lr",
        "Initial Adam learning rate (default: the preset's).");

    private static readonly Option<double?> DropoutOption = CommonOptions.Number("--dropout",
        "Dropout probability in the transformer blocks (default: the preset's).");

    private static readonly Option<double?> PermutationOption = CommonOptions.Number("--permutation",
        "Probability that a view gets a random neuron permutation, 0 to 1 (default: the preset's).");

    private static readonly Option<double?> ErasingOption = CommonOptions.Number("--erasing",
        "Probability that random erasing zeroes a block of a view, 0 to 1 (default: the preset's).");

    private static readonly Option<string?> NormalizeInputsOption = CommonOptions.TrueOrFalse("--normalize-inputs",
        "true or false: standardise each layer's weights before encoding (default: the preset's).");

    private static readonly Option<string?> AlignNeuronsOption = CommonOptions.TrueOrFalse("--align-neurons",
        "true or false: put every model's neurons into the order of the aligned training split's mean before " +
        "encoding (default: the preset's).");

    private static readonly Option<double?> LatentNoiseOption = CommonOptions.Number("--latent-noise",
        "Standard deviation of Gaussian noise added to embeddings before decoding in training; 0 disables " +
        "(default: the preset's).");

    private static readonly Option<double?> InputNoiseOption = CommonOptions.Number("--input-noise",
        "Standard deviation of Gaussian noise added to each view's weights; 0 disables (default: the preset's).");

    private static readonly Option<string?> DenoiseOption = CommonOptions.TrueOrFalse("--denoise",
        "true or false: the decoder reconstructs each view's weights before erasing and noise instead of the " +
        "augmented view (default: the preset's).");

    private static readonly Option<int?> PlateauPatienceOption = new("--plateau-patience")
    {
        Description = "Epochs without validation improvement before the learning rate drops (default: the preset's).",
    };

    private static readonly Option<int?> EarlyStoppingOption = new("--early-stopping")
    {
        Description =
            "Epochs without validation improvement before training stops; 0 disables (default: the preset's).",
    };

    private static readonly Option<string?> KeepBestOption = CommonOptions.TrueOrFalse("--keep-best",
        "true: save the network with the lowest validation loss; false: the last one (default: the preset's).");

    private static readonly Option<int?> ThreadsOption = CommonOptions.Threads();

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
                DModelOption, FeedForwardOption, LatentOption, LearningRateOption, DropoutOption, PermutationOption,
                ErasingOption, NormalizeInputsOption, AlignNeuronsOption, LatentNoiseOption, InputNoiseOption, DenoiseOption,
                PlateauPatienceOption, EarlyStoppingOption, KeepBestOption,
                ThreadsOption, SeedOption, JsonOption,
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
        HyperRepConfig config;
        try
        {
            CommonOptions.ApplyThreads(parseResult.GetValue(ThreadsOption));
            config = BuildConfig(parseResult);
        }
        catch (ArgumentException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }

        try
        {
            var zoo = Zoo.Open(parseResult.GetValue(ZooOption)!.FullName);
            // --zoo-epochs is one of the hub options merged into this command; a local run honours it too.
            var requested = parseResult.GetValue<int[]>("--zoo-epochs");
            IReadOnlyList<int> epochs = requested is { Length: > 0 } ? requested : ZooTrainingData.DefaultEpochs(zoo);
            var data = ZooTrainingData.Load(zoo, epochs);
            string work = Path.Combine(outDirectory, WorkFolder);
            var trainer = new HyperRepTrainer(data, config, work);
            WriteResuming(output, work, config, trainer.DataFingerprint, json);
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
            error.WriteLine($"Training failed: {WithOptionNames(ex)}");
            return 1;
        }
    }

    /// <summary>
    /// Prints where training resumes when the work folder has a checkpoint of the same settings and data.
    /// </summary>
    private static void WriteResuming(TextWriter output, string work, HyperRepConfig config, string dataFingerprint,
        bool json)
    {
        if (!TrainingCheckpoint.Exists(work) || TrainingCheckpoint.ReadState(work) is not { } state ||
            state.Config != config || state.DataFingerprint is { } saved && saved != dataFingerprint)
        {
            return;
        }

        output.WriteLine(json
            ? JsonSerializer.Serialize(new { type = "resume", completedEpochs = state.CompletedEpochs },
                HyperRepJson.Options)
            : $"Resuming after epoch {state.CompletedEpochs} from the checkpoint in '{work}'.");
    }

    /// <summary>
    /// The exception's message without .NET's parameter suffix, with configuration property names replaced by the
    /// options that set them.
    /// </summary>
    private static string WithOptionNames(Exception exception)
    {
        string message = exception is ArgumentException { ParamName: not null }
            ? exception.Message.Split(" (Parameter", 2)[0]
            : exception.Message;
        foreach (var (property, option) in OptionNames)
        {
            message = Regex.Replace(message, $@"\b{property}\b", option);
        }

        return message;
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
            LearningRate = parseResult.GetValue(LearningRateOption) ?? config.LearningRate,
            Dropout = parseResult.GetValue(DropoutOption) ?? config.Dropout,
            PermutationProbability = parseResult.GetValue(PermutationOption) ?? config.PermutationProbability,
            ErasingProbability = parseResult.GetValue(ErasingOption) ?? config.ErasingProbability,
            NormalizeInputs = CommonOptions.ValueOf(parseResult, NormalizeInputsOption) ?? config.NormalizeInputs,
            AlignNeurons = CommonOptions.ValueOf(parseResult, AlignNeuronsOption) ?? config.AlignNeurons,
            LatentNoise = parseResult.GetValue(LatentNoiseOption) ?? config.LatentNoise,
            NoiseStd = parseResult.GetValue(InputNoiseOption) ?? config.NoiseStd,
            Denoise = CommonOptions.ValueOf(parseResult, DenoiseOption) ?? config.Denoise,
            PlateauPatience = parseResult.GetValue(PlateauPatienceOption) ?? config.PlateauPatience,
            EarlyStoppingPatience = parseResult.GetValue(EarlyStoppingOption) ?? config.EarlyStoppingPatience,
            KeepBestValidation = CommonOptions.ValueOf(parseResult, KeepBestOption) ?? config.KeepBestValidation,
        };
        try
        {
            config.Validate();
        }
        catch (ArgumentOutOfRangeException ex) when (ex.ParamName is { } name && OptionNames.ContainsKey(name))
        {
            string option = OptionNames[name];
            // .NET's range messages quote the value after the name ("X ('-1') must be ..."); the prefix shows it.
            string reason = Regex.Replace(ex.Message.Split(" (Parameter", 2)[0], @" \('[^']*'\)", "")
                .Replace(name, option, StringComparison.Ordinal);
            throw new ArgumentException($"Invalid {option} {ex.ActualValue}: {reason}", ex);
        }

        return config;
    }

    /// <summary>The option that sets each configuration property, for error messages.</summary>
    private static readonly Dictionary<string, string> OptionNames = new()
    {
        [nameof(HyperRepConfig.Epochs)] = "--epochs",
        [nameof(HyperRepConfig.BatchSize)] = "--batch-size",
        [nameof(HyperRepConfig.DModel)] = "--d-model",
        [nameof(HyperRepConfig.FeedForward)] = "--feed-forward",
        [nameof(HyperRepConfig.LatentDimension)] = "--latent",
        [nameof(HyperRepConfig.LearningRate)] = "--lr",
        [nameof(HyperRepConfig.Dropout)] = "--dropout",
        [nameof(HyperRepConfig.PermutationProbability)] = "--permutation",
        [nameof(HyperRepConfig.ErasingProbability)] = "--erasing",
        [nameof(HyperRepConfig.LatentNoise)] = "--latent-noise",
        [nameof(HyperRepConfig.PlateauPatience)] = "--plateau-patience",
        [nameof(HyperRepConfig.EarlyStoppingPatience)] = "--early-stopping",
        [nameof(HyperRepConfig.NormalizeInputs)] = "--normalize-inputs",
        [nameof(HyperRepConfig.AlignNeurons)] = "--align-neurons",
        [nameof(HyperRepConfig.Denoise)] = "--denoise",
        [nameof(HyperRepConfig.NoiseStd)] = "--input-noise",
        [nameof(HyperRepConfig.KeepBestValidation)] = "--keep-best",
        [nameof(HyperRepConfig.Reduction)] = "--reduction",
        [nameof(HyperRepConfig.Seed)] = "--seed",
    };

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
        string validation = last is null ? "." : $"; last validation R² {last.ValidationR2:F4}.";
        if (last is not null && result.KeptEpoch != last.Epoch)
        {
            var kept = result.History.First(epoch => epoch.Epoch == result.KeptEpoch);
            validation = $"; kept the network of epoch {kept.Epoch}, validation R² {kept.ValidationR2:F4}.";
        }

        output.WriteLine(json
            ? JsonSerializer.Serialize(new
            {
                type = "done", directory, epochs = result.History.Count, stoppedEarly = result.StoppedEarly,
            }, HyperRepJson.Options)
            : $"Saved the hyper-representation to '{directory}' after {result.History.Count} " +
              (result.History.Count == 1 ? "epoch" : "epochs") +
              (result.StoppedEarly ? " (early stopping)" : "") +
              validation);
    }
}
