using System.CommandLine;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Training;
using HyperRepHub.Core.Zoos;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep zoo train</c>: trains a population of models into a zoo folder. Running the same command again resumes
/// after the last complete epoch. Ctrl-C stops at the next step and leaves only complete files.
/// </summary>
internal static class ZooTrainCommand
{
    private static readonly Option<string> Dataset = CommonOptions.Dataset("to train on");

    private static readonly Option<int> Models = new("--models")
    {
        Description = "Number of models in the zoo.",
        DefaultValueFactory = _ => 10,
    };

    private static readonly Option<int?> Epochs = new("--epochs") { Description = "Epochs (default: the preset's)." };

    private static readonly Option<string> Preset = new("--preset")
    {
        Description = "Training recipe: fast (kaiming init, Adam 1e-3, batch 32, 5 epochs) or paper (U(0,1) weights " +
            "and 0.01 biases, Adam 3e-4, batch 10, 50 epochs).",
        DefaultValueFactory = _ => "fast",
    };

    private static readonly Option<string> Out = new("--out") { Description = "Zoo folder.", Required = true };

    private static readonly Option<string> Architecture = new("--architecture")
    {
        Description = "Built-in architecture: cnn-s, cnn-l, cnn-s-4conv or cnn-s-residual.",
        DefaultValueFactory = _ => "cnn-s",
    };

    private static readonly Option<int?> BatchSize = new("--batch-size") { Description = "Images per step (default: the preset's)." };

    private static readonly Option<double?> LearningRate = new("--lr") { Description = "Learning rate (default: the preset's)." };

    private static readonly Option<int?> MaxTrainImages = new("--max-train-images")
    {
        Description = "Train on this many evenly spaced training images only, for quick runs.",
    };

    private static readonly Option<int?> MaxTestImages = new("--max-test-images")
    {
        Description = "Evaluate on this many evenly spaced test images only, for quick runs.",
    };

    private static readonly Option<int?> Threads = CommonOptions.Threads();

    private static readonly Option<int> Workers = new("--workers")
    {
        Description = "Threads that train shards of the models at once; with --threads 1, 2 workers trained fastest " +
            "on 2 cores. Results do not change.",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<bool> Json = CommonOptions.Json("the final manifest");

    public static Command Create()
    {
        var command = new Command("train", "Train a zoo of models; run it again to resume.")
        {
            Dataset, Models, Epochs, Preset, Out, Architecture, BatchSize, LearningRate, MaxTrainImages, MaxTestImages,
            Threads, Workers, Json,
        };
        command.SetAction((parseResult, cancellationToken) =>
            Task.FromResult(CommandErrors.Run(() => Run(parseResult, cancellationToken))));
        return command;
    }

    private static int Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        CommonOptions.ApplyThreads(parseResult.GetValue(Threads));

        var preset = TrainingPresets.Get(parseResult.GetValue(Preset)!);
        var config = preset with
        {
            Epochs = parseResult.GetValue(Epochs) ?? preset.Epochs,
            BatchSize = parseResult.GetValue(BatchSize) ?? preset.BatchSize,
            LearningRate = parseResult.GetValue(LearningRate) ?? preset.LearningRate,
        };
        var dataset = parseResult.GetValue(Dataset)!;
        var (train, test) = DatasetCatalog.Load(dataset);
        train = Limit(train, parseResult.GetValue(MaxTrainImages));
        test = Limit(test, parseResult.GetValue(MaxTestImages));
        var directory = parseResult.GetValue(Out)!;
        var request = new ZooTrainingRequest(directory, Path.GetFileName(Path.GetFullPath(directory)), dataset,
            BuiltInArchitectures.Get(parseResult.GetValue(Architecture)!), parseResult.GetValue(Models), config,
            Workers: parseResult.GetValue(Workers));
        var progress = new ConsoleProgressBar(Console.Error);
        var started = DateTime.UtcNow;
        try
        {
            new ZooTrainer().Train(request, train, test, progress, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            progress.Finish();
            Console.Error.WriteLine(
                $"Stopped. '{directory}' contains every complete epoch. Run the same command again to resume.");
            return 130;
        }

        progress.Finish();
        var zoo = Zoo.Open(directory);
        Console.Error.WriteLine($"Trained in {(DateTime.UtcNow - started).TotalSeconds:F0} s.");
        ZooPrinter.Print(zoo, parseResult.GetValue(Json), Console.Out);
        return 0;
    }

    private static ImageDataset Limit(ImageDataset dataset, int? count) =>
        count is { } limit ? DatasetSubsets.EvenlySpaced(dataset, limit) : dataset;
}
