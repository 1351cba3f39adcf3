using System.CommandLine;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Zoos;

namespace HyperRepHub.Cli.Commands;

/// <summary><c>hyperrep zoo import</c>: copies a zoo made elsewhere into a zoo folder, checking every state_dict.</summary>
internal static class ZooImportCommand
{
    private static readonly Argument<string> Source = new("source")
    {
        Description = "A public-layout zoo folder (checkpoint_NNNNNN/checkpoints, result.json, params.json per " +
            "model) or a folder of .pt, .pth or .safetensors files, one model each.",
    };

    private static readonly Option<string> Out = new("--out") { Description = "New zoo folder.", Required = true };

    private static readonly Option<string> Architecture = new("--architecture")
    {
        Description = "Built-in architecture the state_dicts must match.",
        DefaultValueFactory = _ => "cnn-s",
    };

    private static readonly Option<string> Dataset = CommonOptions.Dataset("the models were trained on");

    private static readonly Option<int> Epoch = new("--epoch")
    {
        Description = "Epoch recorded for each file of a plain folder.",
        DefaultValueFactory = _ => 0,
    };

    private static readonly Option<bool> Evaluate = new("--evaluate")
    {
        Description = "Recompute every checkpoint's test accuracy and compare it with the imported one.",
    };

    private static readonly Option<bool> Json = CommonOptions.Json("the manifest");

    public static Command Create()
    {
        var command = new Command("import", "Import a zoo trained elsewhere.")
        {
            Source, Out, Architecture, Dataset, Epoch, Evaluate, Json,
        };
        command.SetAction(parseResult => CommandErrors.Run(() => Run(parseResult)));
        return command;
    }

    private static int Run(ParseResult parseResult)
    {
        var options = new ZooImportOptions(parseResult.GetValue(Source)!, parseResult.GetValue(Out)!,
            BuiltInArchitectures.Get(parseResult.GetValue(Architecture)!), parseResult.GetValue(Dataset)!,
            PlainFileEpoch: parseResult.GetValue(Epoch));
        var imported = new ZooImporter().Import(options);
        foreach (var warning in imported.SelectMany(m => m.Warnings.Select(w => $"{m.Id} ({m.Source}): {w}")))
        {
            Console.Error.WriteLine($"warning: {warning}");
        }

        var zoo = Zoo.Open(options.Destination);
        if (parseResult.GetValue(Evaluate))
        {
            PrintEvaluation(zoo);
        }

        ZooPrinter.Print(zoo, parseResult.GetValue(Json), Console.Out);
        return 0;
    }

    private static void PrintEvaluation(Zoo zoo)
    {
        var (_, test) = DatasetCatalog.Load(zoo.Manifest.Dataset);
        var rows = ZooEvaluator.RecomputeTestAccuracy(zoo, test);
        var compared = rows.Where(r => !double.IsNaN(r.Recorded)).ToArray();
        double maxDifference = compared.Select(r => Math.Abs(r.Recorded - r.Recomputed)).DefaultIfEmpty(0).Max();
        Console.Error.WriteLine(
            $"Recomputed test accuracy of {rows.Count} checkpoints; {compared.Length} had an imported value, " +
            $"largest difference {maxDifference * 100:F2} points.");
    }
}
