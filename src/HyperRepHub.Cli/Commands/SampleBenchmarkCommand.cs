using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Evaluation;
using HyperRepHub.Core.HyperRepresentations;
using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.HyperRepresentations.Tokens;
using HyperRepHub.Core.Sampling;
using static TorchSharp.torch;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep sample-benchmark</c>: times sampling and decoding a population with a hyper-representation of the
/// chosen preset, and evaluating a CNN-s population on a dataset's test images. Untrained weights time the same as
/// trained ones, so no zoo or trained model is needed.
/// </summary>
internal static class SampleBenchmarkCommand
{
    private static readonly Option<int> ModelsOption = new("--models")
    {
        Description = "Models to sample and to evaluate.",
        DefaultValueFactory = _ => 100,
    };

    private static readonly Option<int> ImagesOption = new("--images")
    {
        Description = "Test images to evaluate on (at most the test split's size).",
        DefaultValueFactory = _ => 10_000,
    };

    private static readonly Option<int> RepeatsOption = new("--repeats")
    {
        Description = "Timed repetitions after one warm-up; the median is reported.",
        DefaultValueFactory = _ => 5,
    };

    private static readonly Option<int> BudgetOption = new("--budget")
    {
        Description = "Models × images per forward pass of the evaluation.",
        DefaultValueFactory = _ => PopulationEvaluator.DefaultBudget,
    };

    private static readonly Option<string> DatasetOption =
        CommonOptions.Dataset("whose 10,000 test images are evaluated on", "fashion-mnist");

    private static readonly Option<string> PresetOption = new("--preset")
    {
        Description = "Hyper-representation size: cpu or paper.",
        DefaultValueFactory = _ => "cpu",
    };

    public static Command Create()
    {
        var command = new Command("sample-benchmark",
            "Time sampling plus decoding, and population evaluation, on this machine.");
        command.Options.Add(ModelsOption);
        command.Options.Add(ImagesOption);
        command.Options.Add(RepeatsOption);
        command.Options.Add(BudgetOption);
        command.Options.Add(DatasetOption);
        command.Options.Add(PresetOption);
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        int models = parseResult.GetValue(ModelsOption);
        int repeats = parseResult.GetValue(RepeatsOption);
        var config = HyperRepConfig.FromPreset(parseResult.GetValue(PresetOption)!);
        var spec = BuiltInArchitectures.CnnSmall;
        output.WriteLine($"threads {get_num_threads()}, preset {parseResult.GetValue(PresetOption)}, {models} models");

        using var hyperRepresentation = RandomHyperRepresentation(spec, config);
        var generator = new WeightGenerator(hyperRepresentation);
        var options = new SamplerOptions { Method = SamplerMethods.Kde, TopFraction = 0.3 };
        var (sampleMs, sampleCpuMs) = Median(repeats, () => generator.Generate(options, models).Dispose());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sample (kde, top 30%) + decode {models} models: {sampleMs:F1} ms wall, {sampleCpuMs:F1} ms CPU"));

        var testSet = DatasetCatalog.Load(parseResult.GetValue(DatasetOption)!).Test;
        int images = (int)Math.Min(parseResult.GetValue(ImagesOption), testSet.Count);
        var subset = testSet with
        {
            Images = testSet.Images.narrow(0, 0, images), Labels = testSet.Labels.narrow(0, 0, images),
        };
        var weights = rand(models, spec.ParameterCount) * 0.4 - 0.2; // [M, P]
        int budget = parseResult.GetValue(BudgetOption);
        var (evaluateMs, evaluateCpuMs) =
            Median(repeats, () => PopulationEvaluator.Evaluate(spec, weights, subset, budget));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"evaluate {models} CNN-s models on {images} images (budget {budget}): {evaluateMs:F0} ms wall, " +
            $"{evaluateCpuMs:F0} ms CPU"));
        return 0;
    }

    private static HyperRepresentation RandomHyperRepresentation(ArchitectureSpec spec, HyperRepConfig config)
    {
        var zoo = rand(200, spec.ParameterCount) - 0.5; // [200, P]
        var network = new HyperRepAutoencoder(spec, config);
        var statistics = LayerStatistics.Compute(spec, zoo);
        var embeddings = rand(200, config.LatentDimension) * 1.8 - 0.9; // [200, D]
        var anchors = new AnchorSet(embeddings, Enumerable.Range(0, 200).Select(i => $"m{i}").ToArray(),
            Enumerable.Repeat(25, 200).ToArray(), Enumerable.Range(0, 200).Select(i => i / 200.0).ToArray());
        return new HyperRepresentation(network, statistics, anchors);
    }

    /// <summary>
    /// Runs <paramref name="action"/> once to warm up, then times it; returns the median wall time and the median CPU
    /// time of this process, which depends less on other processes competing for the cores.
    /// </summary>
    private static (double WallMs, double CpuMs) Median(int repeats, Action action)
    {
        action();
        var wall = new double[Math.Max(1, repeats)];
        var cpu = new double[wall.Length];
        using var process = Process.GetCurrentProcess();
        for (int i = 0; i < wall.Length; i++)
        {
            using var scope = NewDisposeScope();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            wall[i] = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        }

        Array.Sort(wall);
        Array.Sort(cpu);
        return (wall[wall.Length / 2], cpu[cpu.Length / 2]);
    }
}
