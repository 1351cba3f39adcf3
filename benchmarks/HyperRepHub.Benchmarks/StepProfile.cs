using System.Diagnostics;
using System.Globalization;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Population;
using HyperRepHub.Core.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Benchmarks;

/// <summary>
/// Times the parts of one population training step of CNN-s on MNIST: gathering the images, the forward and backward
/// pass of each layer on its own, the whole step, and the optimizer. Each part runs in a loop after a warm-up, and the
/// table shows the median milliseconds, except for the whole step: the mean over one epoch of the trainer. With
/// <c>--layout contiguous</c> the layers run on activations in libtorch's default layout instead of channels-last.
/// </summary>
internal static class StepProfile
{
    public static int Run(string[] args)
    {
        int models = Options.Int(args, "--models", 30);
        int repeats = Options.Int(args, "--repeats", 20);
        var batches = (Options.Get(args, "--batches") ?? "10,64").Split(',').Select(int.Parse).ToArray();
        bool contiguous = Options.Get(args, "--layout") == "contiguous";
        Options.ApplyThreads(args);
        var spec = BuiltInArchitectures.CnnSmall;
        var (train, _) = DatasetCatalog.Load("mnist");
        Console.WriteLine($"CNN-s, {models} models, torch threads {get_num_threads()}, {repeats} repeats, " +
            $"layers on {(contiguous ? "contiguous" : "channels-last")} activations.");
        Console.WriteLine("| batch | part | forward ms | forward + backward ms |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (int batch in batches)
        {
            ProfileLayers(spec, train, models, batch, repeats, contiguous);
            ProfileStep(spec, train, models, batch, repeats);
        }

        return 0;
    }

    private static void ProfileLayers(ArchitectureSpec spec, ImageDataset train, int models, int batch, int repeats,
        bool contiguous)
    {
        using var scope = NewDisposeScope();
        var weights = RandomWeights(spec, models);
        var parameters = PopulationForward.Unflatten(spec, weights);
        var indices = randint(train.Count, [models * batch]);
        Row(batch, "gather images", Time(repeats, () => train.Images.index_select(0, indices)), double.NaN);
        var x = PopulationForward.PrepareInput(train.Images.index_select(0, indices).view(models, batch, 1, 28, 28),
            models); // [b, M, 28, 28]

        // The default layout, for comparison: each layer's output then keeps it.
        x = contiguous ? x.contiguous() : x;
        int p = 0;
        for (int i = 0; i < spec.Layers.Count; i++)
        {
            var layer = spec.Layers[i];
            bool hasParameters = layer.Kind is LayerKind.Conv2d or LayerKind.Residual1x1 or LayerKind.Linear;
            var layerParameters = hasParameters ? parameters[p++] : default;
            var input = x.detach().requires_grad_(i > 0);
            Tensor Forward() => PopulationForward.ApplyLayer(layer, layerParameters, input, models, true);
            double forward = Time(repeats, Forward);
            double both = Time(repeats, () =>
            {
                var output = Forward();
                var sources = i > 0 ? new[] { input, weights } : new[] { weights };
                if (layerParameters.Weight is null)
                {
                    sources = [input];
                }

                autograd.grad([output], sources, [ones_like(output)], allow_unused: true);
            });
            Row(batch, $"{i}: {layer.Kind}", forward, both);
            x = Forward().detach();
        }
    }

    private static void ProfileStep(ArchitectureSpec spec, ImageDataset train, int models, int batch, int repeats)
    {
        var config = TrainingPresets.Fast with { BatchSize = batch };
        var seeds = Enumerable.Range(1, models).Select(i => (long)i).ToArray();
        var initial = stack(seeds.Select(s => WeightInitializer.Initialize(spec, config, config.Init, s)).ToArray());
        using var state = new PopulationState(initial, seeds, seeds.Select(config.HyperParametersOf).ToArray());
        var subset = DatasetSubsets.EvenlySpaced(train, repeats * batch);
        var trainer = new PopulationTrainer(spec, subset, subset);
        trainer.TrainEpoch(state, 1, null, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        trainer.TrainEpoch(state, 2, null, CancellationToken.None);
        Row(batch, "whole step", double.NaN, clock.Elapsed.TotalMilliseconds / repeats);
        var gradient = randn_like(state.Weights);
        Row(batch, "optimizer", Time(repeats, () => state.Optimizer.Apply(state.Weights, gradient)), double.NaN);
    }

    private static Tensor RandomWeights(ArchitectureSpec spec, int models) =>
        (rand(models, spec.ParameterCount) - 0.5).mul_(0.2).requires_grad_(true);

    /// <summary>Returns the median time of <paramref name="repeats"/> runs after three warm-up runs, in milliseconds.</summary>
    private static double Time(int repeats, Action action)
    {
        for (int i = 0; i < 3; i++)
        {
            using var warmup = NewDisposeScope();
            action();
        }

        var times = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            using var scope = NewDisposeScope();
            long start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return times[repeats / 2];
    }

    private static double Time(int repeats, Func<Tensor> action) => Time(repeats, () => { action(); });

    private static void Row(int batch, string part, double forward, double both) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {batch} | {part} | {Format(forward)} | {Format(both)} |"));

    private static string Format(double milliseconds) =>
        double.IsNaN(milliseconds) ? "" : milliseconds.ToString("F2", CultureInfo.InvariantCulture);
}
