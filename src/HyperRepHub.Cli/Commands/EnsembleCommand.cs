using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Evaluation;
using HyperRepHub.Core.Sampling;
using HyperRepHub.Core.Zoos;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep ensemble</c>: accuracy of the averaged softmax of k models of a population, for k = 1..K, each
/// averaged over random draws of k models.
/// </summary>
internal static class EnsembleCommand
{
    private static readonly Option<DirectoryInfo> PopulationOption = new("--population")
    {
        Description = "Population folder (the --out of 'hyperrep sample' or 'hyperrep finetune').",
        Required = true,
    };

    private static readonly Option<string> DatasetOption = CommonOptions.Dataset("whose test split to evaluate on");

    private static readonly Option<int> MaxSizeOption = new("--max-size")
    {
        Description = "Largest ensemble size K; at most the population size.",
        DefaultValueFactory = _ => 15,
    };

    private static readonly Option<int> DrawsOption = new("--draws")
    {
        Description = "Random draws of k models per ensemble size.",
        DefaultValueFactory = _ => 10,
    };

    private static readonly Option<long> SeedOption = CommonOptions.Seed("the draws", 1);

    private static readonly Option<bool> JsonOption = CommonOptions.Json();

    public static Command Create()
    {
        var command = new Command("ensemble", "Measure the accuracy of ensembles of 1 to K models of a population.");
        command.Options.Add(PopulationOption);
        command.Options.Add(DatasetOption);
        command.Options.Add(MaxSizeOption);
        command.Options.Add(DrawsOption);
        command.Options.Add(SeedOption);
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
            var testSet = DatasetCatalog.Load(parseResult.GetValue(DatasetOption)!).Test;
            int maxSize = parseResult.GetValue(MaxSizeOption);
            if (maxSize < 1 || maxSize > weights.shape[0])
            {
                throw new ArgumentException(
                    $"--max-size must be between 1 and the population size {weights.shape[0]}, got {maxSize}.");
            }

            error.WriteLine($"Evaluating ensembles of 1 to {maxSize} of {weights.shape[0]} models.");
            var points = EnsembleEvaluator.Evaluate(spec, weights, testSet, maxSize,
                parseResult.GetValue(DrawsOption), parseResult.GetValue(SeedOption));
            output.WriteLine(parseResult.GetValue(JsonOption)
                ? JsonSerializer.Serialize(points, EvaluateFormatting.JsonOptions)
                : Format(points));
            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException or
            ZooFormatException or ArchitectureException or DatasetNotFoundException or DatasetFormatException)
        {
            error.WriteLine($"Ensemble evaluation failed: {ex.Message}");
            return 1;
        }
    }

    private static string Format(IReadOnlyList<EnsemblePoint> points)
    {
        var text = new StringBuilder("size  ensemble accuracy   mean member accuracy");
        foreach (var point in points)
        {
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture,
                $"{point.Size,4}  {point.MeanAccuracy * 100,6:F2} ± {point.StdAccuracy * 100,4:F2}%    " +
                $"{point.MeanMemberAccuracy * 100,6:F2}%");
        }

        return text.ToString();
    }
}
