using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using HyperRepHub.Core.HyperRepresentations;
using HyperRepHub.Core.HyperRepresentations.Training;
using HyperRepHub.Core.Sampling;
using HyperRepHub.Core.Sampling.Gan;
using HyperRepHub.Core.Zoos;
using static TorchSharp.torch;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep sample</c>: draws new models from a saved hyper-representation and writes one safetensors file per
/// model with PyTorch <c>state_dict</c> names.
/// </summary>
internal static class SampleCommand
{
    private static readonly Option<DirectoryInfo> HyperRepOption = new("--hyperrep")
    {
        Description = "Folder of a saved hyper-representation (the --out of 'hyperrep hyper-rep train').",
        Required = true,
    };

    private static readonly Option<string> MethodOption = SamplingOptions.Method();

    private static readonly Option<double> TopOption = SamplingOptions.Top();

    private static readonly Option<int> CountOption = SamplingOptions.Count();

    private static readonly Option<long> SeedOption = SamplingOptions.Seed();

    private static readonly Option<double> BandwidthOption = new("--bandwidth")
    {
        Description = "KDE bandwidth in latent units, used by --bandwidth-rule fixed.",
        DefaultValueFactory = _ => 0.002,
    };

    private static readonly Option<BandwidthRule> BandwidthRuleOption = new("--bandwidth-rule")
    {
        Description = "KDE bandwidth per dimension: Fixed (--bandwidth) or Silverman (rule of thumb).",
        DefaultValueFactory = _ => BandwidthRule.Fixed,
    };

    private static readonly Option<DirectoryInfo?> ConditionZooOption = new("--condition-zoo")
    {
        Description = "Zoo folder of the same architecture whose encoded models become the anchors.",
    };

    private static readonly Option<int[]?> ConditionEpochsOption = new("--condition-epochs")
    {
        Description = "Checkpoint epochs of the conditioning zoo to encode (default: 21 to 25, or the last five of a " +
            "shorter zoo).",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<DirectoryInfo?> GanOption = new("--gan")
    {
        Description = "Folder of a GAN saved by an earlier 'sample --method gan' run, used instead of training one.",
    };

    private static readonly Option<DirectoryInfo> OutOption = new("--out")
    {
        Description = "Folder to write model-NNNN.safetensors, architecture.json and population.json into.",
        Required = true,
    };

    private static readonly Option<bool> JsonOption = CommonOptions.Json();

    public static Command Create()
    {
        var command = new Command("sample", "Generate new models by sampling a hyper-representation's latent space.");
        foreach (Option option in new Option[]
        {
            HyperRepOption, MethodOption, TopOption, CountOption, SeedOption, BandwidthOption, BandwidthRuleOption,
            ConditionZooOption, ConditionEpochsOption, GanOption, OutOption, JsonOption,
        })
        {
            command.Options.Add(option);
        }

        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            var options = new SamplerOptions
            {
                Method = parseResult.GetValue(MethodOption)!,
                TopFraction = parseResult.GetValue(TopOption),
                Seed = parseResult.GetValue(SeedOption),
                Bandwidth = parseResult.GetValue(BandwidthOption),
                BandwidthRule = parseResult.GetValue(BandwidthRuleOption),
            };
            options.Validate();
            string hyperRepPath = parseResult.GetValue(HyperRepOption)!.FullName;
            string outPath = parseResult.GetValue(OutOption)!.FullName;
            int count = parseResult.GetValue(CountOption);
            error.WriteLine($"Loading hyper-representation '{hyperRepPath}'.");
            using var hyperRepresentation = HyperRepresentationFolder.Load(hyperRepPath);
            var generator = new WeightGenerator(hyperRepresentation);
            string? zooPath = parseResult.GetValue(ConditionZooOption)?.FullName;
            var anchors = zooPath is null
                ? null
                : EncodeZoo(generator, zooPath, parseResult.GetValue(ConditionEpochsOption), error);
            var sampler = FitSampler(parseResult, generator, options, anchors, outPath, error);
            error.WriteLine($"Sampling and decoding {count} models.");
            var weights = generator.Decode(sampler, count, options.Seed); // [count, P]
            var manifest = PopulationFolder.Save(outPath, hyperRepresentation.Architecture, weights, hyperRepPath,
                options, zooPath);
            // The sampler is seeded, so drawing again reproduces the decoded embeddings.
            var distance = LatentDistance.Measure(sampler.Sample(count, options.Seed),
                AnchorSelection.SelectTop(anchors ?? hyperRepresentation.Anchors, options.TopFraction));
            output.WriteLine(parseResult.GetValue(JsonOption)
                ? JsonSerializer.Serialize(new { manifest, latent_distance = distance }, EvaluateFormatting.JsonOptions)
                : string.Create(CultureInfo.InvariantCulture,
                    $"Wrote {manifest.Files.Count} '{manifest.Architecture}' models to '{outPath}'. In latent space " +
                    $"they lie {distance.MedianToNearestAnchor:F4} from their nearest anchor (median), against " +
                    $"{distance.MedianBetweenAnchors:F4} between two anchors (ratio {distance.Ratio:F3})."));
            return 0;
        }
        catch (Exception ex) when (ex is SamplingException or ArgumentException or IOException or
            InvalidDataException or ZooFormatException)
        {
            error.WriteLine($"Sampling failed: {ex.Message}");
            return 1;
        }
    }

    private static AnchorSet EncodeZoo(WeightGenerator generator, string zooPath, int[]? requested,
        TextWriter error)
    {
        var zoo = Zoo.Open(zooPath);
        var epochs = requested is { Length: > 0 } ? requested : ZooTrainingData.DefaultEpochs(zoo);
        var batches = Enum.GetValues<ZooSplit>().Select(split => zoo.LoadCheckpoints(split, epochs)).ToArray();
        int rows = batches.Sum(b => b.Count);
        error.WriteLine($"Encoding {rows} checkpoints of zoo '{zooPath}' as anchors.");
        if (rows == 0)
        {
            throw new SamplingException(
                $"Zoo '{zooPath}' has no checkpoints at epochs {string.Join(", ", epochs)}; pick others with " +
                "--condition-epochs.");
        }

        return generator.EncodeZoo(zoo.Architecture, cat(batches.Select(b => b.Weights).ToArray(), 0),
            batches.SelectMany(b => b.ModelIds).ToArray(), batches.SelectMany(b => b.Epochs).ToArray(),
            batches.SelectMany(b => b.TestAccuracies).ToArray());
    }

    private static ILatentSampler FitSampler(ParseResult parseResult, WeightGenerator generator,
        SamplerOptions options, AnchorSet? anchors, string outPath, TextWriter error)
    {
        string? ganPath = parseResult.GetValue(GanOption)?.FullName;
        if (options.Method == SamplerMethods.Gan && ganPath is not null)
        {
            error.WriteLine($"Loading the GAN saved in '{ganPath}'.");
            return new GanSampler(LatentGan.Load(ganPath));
        }

        error.WriteLine($"Fitting the '{options.Method}' sampler (top {options.TopFraction:P0} of anchors).");
        var sampler = generator.Fit(options, anchors);
        if (sampler is GanSampler gan)
        {
            gan.Gan.Save(Path.Combine(outPath, "gan"));
            error.WriteLine($"Saved the trained GAN to '{Path.Combine(outPath, "gan")}'.");
        }

        return sampler;
    }
}
