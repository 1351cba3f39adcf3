using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Evaluation;
using HyperRepHub.Core.HyperRepresentations.Training;
using HyperRepHub.Core.Sampling;
using HyperRepHub.Core.Zoos;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep evaluate</c>: test-set loss and accuracy of every model of a population, with the population's
/// novelty against the zoo's training split.
/// </summary>
internal static class EvaluateCommand
{
    private static readonly Option<DirectoryInfo> PopulationOption = new("--population")
    {
        Description = "Population folder (the --out of 'hyperrep sample' or 'hyperrep finetune').",
        Required = true,
    };

    private static readonly Option<DirectoryInfo> ZooOption = new("--zoo")
    {
        Description = "Zoo folder whose training split the novelty is measured against.",
        Required = true,
    };

    private static readonly Option<int[]?> ZooEpochsOption = new("--zoo-epochs")
    {
        Description = "Checkpoint epochs of the training split to compare with (default: 21 to 25, or the last five " +
            "of a shorter zoo).",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<string?> DatasetOption =
        CommonOptions.OptionalDataset("whose test split to evaluate on", "default: the zoo's dataset");

    private static readonly Option<bool> JsonOption = CommonOptions.Json();

    public static Command Create()
    {
        var command = new Command("evaluate", "Evaluate a population on a test set and measure its novelty.");
        command.Options.Add(PopulationOption);
        command.Options.Add(ZooOption);
        command.Options.Add(ZooEpochsOption);
        command.Options.Add(DatasetOption);
        command.Options.Add(JsonOption);
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            var (spec, weights, _) = PopulationFolder.Load(parseResult.GetValue(PopulationOption)!.FullName);
            var zoo = Zoo.Open(parseResult.GetValue(ZooOption)!.FullName);
            if (!zoo.Architecture.IsSameNetwork(spec))
            {
                throw new ArchitectureException(
                    $"The population is '{spec.Name}' but the zoo is '{zoo.Architecture.Name}'; pass a zoo of '{spec.Name}'.");
            }

            string dataset = parseResult.GetValue(DatasetOption) ?? zoo.Manifest.Dataset;
            error.WriteLine($"Loading the {dataset} test split.");
            var testSet = DatasetCatalog.Load(dataset).Test;
            var epochs = parseResult.GetValue(ZooEpochsOption) is { Length: > 0 } chosen
                ? chosen
                : ZooTrainingData.DefaultEpochs(zoo);
            var training = zoo.LoadCheckpoints(ZooSplit.Train, epochs);
            if (training.Count < 2)
            {
                throw new ArgumentException(
                    $"The zoo's training split has {training.Count} checkpoints at epochs {string.Join(", ", epochs)}, " +
                    "fewer than the 2 novelty needs; pick epochs the zoo saved with --zoo-epochs.");
            }

            error.WriteLine($"Evaluating {weights.shape[0]} models and {training.Count} training checkpoints " +
                $"on {testSet.Count} images.");
            var report = PopulationReport.Create(spec, weights, training.Weights, testSet);
            output.WriteLine(parseResult.GetValue(JsonOption)
                ? JsonSerializer.Serialize(ToJson(report), EvaluateFormatting.JsonOptions)
                : Format(report));
            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException or
            ZooFormatException or ArchitectureException or DatasetNotFoundException or DatasetFormatException)
        {
            error.WriteLine($"Evaluation failed: {ex.Message}");
            return 1;
        }
    }

    private static object ToJson(PopulationReport report) => new
    {
        accuracy = report.Evaluation.Accuracy,
        loss = report.Evaluation.Loss,
        accuracies = report.Evaluation.Accuracies,
        losses = report.Evaluation.Losses,
        novelty = new
        {
            weight_distance = report.Novelty.WeightDistance,
            typical_weight_distance = report.Novelty.TypicalWeightDistance,
            weight_ratio = report.Novelty.WeightRatio,
            disagreement = report.Novelty.Disagreement,
            typical_disagreement = report.Novelty.TypicalDisagreement,
            disagreement_ratio = report.Novelty.DisagreementRatio,
            nearest_training_row = report.Novelty.NearestWeightModel,
        },
    };

    private static string Format(PopulationReport report)
    {
        var novelty = report.Novelty;
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine($"accuracy  {EvaluateFormatting.Format(report.Evaluation.Accuracy)}");
        text.AppendLine($"loss      {EvaluateFormatting.Format(report.Evaluation.Loss, 1, "")}");
        text.AppendLine(culture,
            $"novelty   nearest training model at {novelty.WeightDistance.Median:F3} in weight space " +
            $"(typical pair {novelty.TypicalWeightDistance:F3}, ratio {novelty.WeightRatio:F2})");
        text.Append(culture,
            $"          disagrees with it on {novelty.Disagreement.Median:P1} of images " +
            $"(typical pair {novelty.TypicalDisagreement:P1}, ratio {novelty.DisagreementRatio:F2})");
        return text.ToString();
    }
}
