using System.CommandLine;
using System.Text.Json;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.HyperRepresentations.Training;
using TorchSharp;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep hyper-rep benchmark</c>: times the hyper-representation's training step on random CNN-s-shaped
/// weights, for comparison with <c>benchmarks/python/hyperrep_step.py</c>.
/// </summary>
internal static class HyperRepBenchmarkCommand
{
    private static readonly Option<string> PresetOption = new("--preset")
    {
        Description = "Size preset: 'cpu' or 'paper'.",
        DefaultValueFactory = _ => "cpu",
    };

    private static readonly Option<string> ArchitectureOption = new("--architecture")
    {
        Description = "Built-in architecture whose weights are encoded: cnn-s or cnn-l.",
        DefaultValueFactory = _ => "cnn-s",
    };

    private static readonly Option<int?> BatchSizeOption = new("--batch-size")
    {
        Description = "Weight vectors per step (default: the preset's).",
    };

    private static readonly Option<int> StepsOption = new("--steps")
    {
        Description = "Timed steps.",
        DefaultValueFactory = _ => 10,
    };

    private static readonly Option<int> WarmupOption = new("--warmup")
    {
        Description = "Untimed steps before timing.",
        DefaultValueFactory = _ => 2,
    };

    private static readonly Option<bool> AugmentOption = new("--augment")
    {
        Description = "Include making the two augmented views in each step (the PyTorch script does not).",
    };

    private static readonly Option<int?> ThreadsOption = new("--threads")
    {
        Description = "libtorch intra-op threads (default: libtorch's choice, usually the core count).",
    };

    private static readonly Option<bool> JsonOption = CommonOptions.Json();

    public static Command Create()
    {
        var command = new Command("benchmark", "Time the hyper-representation training step (samples per second).");
        foreach (var option in new Option[]
            {
                PresetOption, ArchitectureOption, BatchSizeOption, StepsOption, WarmupOption, AugmentOption,
                ThreadsOption, JsonOption,
            })
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult => Run(parseResult));
        return command;
    }

    private static int Run(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        try
        {
            if (parseResult.GetValue(ThreadsOption) is int threads)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads, "--threads");
                torch.set_num_threads(threads);
            }

            var config = HyperRepConfig.FromPreset(parseResult.GetValue(PresetOption)!);
            config = config with { BatchSize = parseResult.GetValue(BatchSizeOption) ?? config.BatchSize };
            var architecture = BuiltInArchitectures.Get(parseResult.GetValue(ArchitectureOption)!);
            var result = new StepBenchmark(architecture, config, parseResult.GetValue(StepsOption),
                parseResult.GetValue(WarmupOption), parseResult.GetValue(AugmentOption)).Run();
            output.WriteLine(parseResult.GetValue(JsonOption)
                ? JsonSerializer.Serialize(result, HyperRepJson.Options)
                : $"{parseResult.GetValue(PresetOption)} on {architecture.Name}: {result.Parameters:N0} parameters, " +
                  $"batch {result.BatchSize}, {result.MillisecondsPerStep:F1} ms/step, " +
                  $"{result.SamplesPerSecond:F1} samples/s ({result.Threads} threads" +
                  (result.Augmented ? ", with augmentation)" : ")"));
            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or ArchitectureException)
        {
            parseResult.InvocationConfiguration.Error.WriteLine($"Benchmark failed: {ex.Message}");
            return 1;
        }
    }
}
