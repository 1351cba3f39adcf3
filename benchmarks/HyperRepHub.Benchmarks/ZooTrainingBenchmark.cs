using System.Diagnostics;
using System.Globalization;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Benchmarks;

/// <summary>
/// Training throughput of CNN-s on MNIST: the population trainer (M models in one pass) against a plain loop that
/// trains the same models one at a time with nn.Sequential and torch.optim.Adam, at each batch size, in one run.
/// </summary>
internal static class ZooTrainingBenchmark
{
    public static int Run(string[] args)
    {
        int models = Options.Int(args, "--models", 30);
        int steps = Options.Int(args, "--steps", 40);
        var batches = (Options.Get(args, "--batches") ?? "10,64").Split(',').Select(int.Parse).ToArray();
        int workers = Options.Int(args, "--workers", 1);
        int rounds = Options.Int(args, "--rounds", 1);
        int? perPass = Options.Get(args, "--models-per-pass") is null
            ? null
            : Options.Int(args, "--models-per-pass", 0);
        Options.ApplyThreads(args);

        var spec = BuiltInArchitectures.CnnSmall;
        var (train, _) = DatasetCatalog.Load("mnist");
        double flopsPerImage = 3 * ForwardFlops(spec);
        Console.WriteLine($"CNN-s, {models} models, {steps} steps per model, torch threads {get_num_threads()}, " +
            $"{Environment.ProcessorCount} logical CPUs, {flopsPerImage / 1e6:F2} MFLOP per trained image, " +
            $"median of {rounds} rounds.");
        Console.WriteLine("| batch | trainer | models×images/s | effective GFLOP/s | speed-up |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (int batch in batches)
        {
            var subset = DatasetSubsets.EvenlySpaced(train, steps * batch);
            var config = TrainingPresets.Fast with { BatchSize = batch };
            // Alternating the two trainers in each round exposes both to the same changes in machine load.
            var populationRates = new double[rounds];
            var plainRates = new double[rounds];
            for (int round = 0; round < rounds; round++)
            {
                populationRates[round] = MeasurePopulation(spec, subset, config, models, workers, perPass);
                plainRates[round] = MeasurePlain(spec, subset, config, Math.Min(models, 6));
            }

            double population = Median(populationRates);
            double plain = Median(plainRates);
            Row(batch, "plain loop", plain, flopsPerImage, 1);
            string trainer = "population" + (workers == 1 ? "" : $", {workers} workers") +
                (perPass is null ? "" : $", {perPass} models per pass");
            Row(batch, trainer, population, flopsPerImage, population / plain);
        }

        return 0;
    }

    private static double MeasurePopulation(ArchitectureSpec spec, ImageDataset data, ZooTrainingConfig config,
        int models, int workers, int? perPass)
    {
        var seeds = Enumerable.Range(1, models).Select(i => (long)i).ToArray();
        var hyperParameters = seeds.Select(config.HyperParametersOf).ToArray();
        var trainer = new PopulationTrainer(spec, data, data) { Workers = workers, ModelsPerPass = perPass };
        var initial = stack(seeds.Select(s => WeightInitializer.Initialize(spec, config, config.Init, s)).ToArray());
        using (var warmup = new PopulationState(initial, seeds, hyperParameters))
        {
            trainer.TrainEpoch(warmup, 1, null, CancellationToken.None);
        }

        using var state = new PopulationState(initial, seeds, hyperParameters);
        var clock = Stopwatch.StartNew();
        trainer.TrainEpoch(state, 2, null, CancellationToken.None);
        return models * data.Count / clock.Elapsed.TotalSeconds;
    }

    private static double MeasurePlain(ArchitectureSpec spec, ImageDataset data, ZooTrainingConfig config, int models)
    {
        var trainer = new SingleModelTrainer(spec, data);
        var hyperParameters = config.HyperParametersOf(1);
        trainer.Train(WeightInitializer.Initialize(spec, config, config.Init, 1), hyperParameters, 1, 1).Dispose();
        var clock = Stopwatch.StartNew();
        for (int seed = 1; seed <= models; seed++)
        {
            using var scope = NewDisposeScope();
            trainer.Train(WeightInitializer.Initialize(spec, config, config.Init, seed), hyperParameters, seed, 1);
        }

        return models * data.Count / clock.Elapsed.TotalSeconds;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Computes the FLOPs (2 per multiply-add) of one image's forward pass through the convolution and linear layers.</summary>
    private static double ForwardFlops(ArchitectureSpec spec) => spec.Layout.Layers.Sum(layer =>
    {
        var output = spec.Layout.ActivationShapes[layer.LayerIndex];
        double positions = output.Length == 3 ? output[1] * output[2] : 1;
        return 2.0 * positions * layer.Neurons * layer.FanIn;
    });

    private static void Row(int batch, string trainer, double rate, double flopsPerImage, double speedUp) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {batch} | {trainer} | {rate:F0} | {rate * flopsPerImage / 1e9:F2} | {speedUp:F2}× |"));
}
