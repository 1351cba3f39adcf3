using System.Diagnostics;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.HyperRepresentations.Tokens;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Training;

/// <summary>Result of <see cref="StepBenchmark.Run"/>.</summary>
/// <param name="Parameters">Trainable parameters of the network.</param>
/// <param name="BatchSize">Weight vectors per step (each step encodes and decodes twice as many views).</param>
/// <param name="Steps">Timed steps, after the warm-up steps.</param>
/// <param name="MillisecondsPerStep">Mean wall-clock time of one step.</param>
/// <param name="SamplesPerSecond">Weight vectors per second, <c>BatchSize / step time</c>.</param>
/// <param name="Threads">libtorch intra-op threads during the run.</param>
/// <param name="Augmented">Whether the timed step includes making the two augmented views.</param>
public sealed record StepBenchmarkResult(long Parameters, int BatchSize, int Steps, double MillisecondsPerStep,
    double SamplesPerSecond, int Threads, bool Augmented);

/// <summary>
/// Times training steps (views, forward, loss, backward, Adam) on random weights shaped like
/// <paramref name="Architecture"/>. Without augmentation both views are the batch itself, which is the step the
/// PyTorch script in <c>benchmarks/python</c> times.
/// </summary>
public sealed record StepBenchmark(ArchitectureSpec Architecture, HyperRepConfig Config, int Steps, int WarmupSteps,
    bool Augmented)
{
    /// <summary>Runs the warm-up steps, then times <see cref="Steps"/> steps.</summary>
    public StepBenchmarkResult Run()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Steps);
        var generator = new Generator((ulong)Config.Seed);
        using var weights = randn([Config.BatchSize, Architecture.ParameterCount], generator: generator);
        var statistics = LayerStatistics.Compute(Architecture, weights);
        using var network = new HyperRepAutoencoder(Architecture, Config);
        var loss = new TrainingLoss(network, statistics);
        using var optimizer = optim.Adam(network.parameters(), Config.LearningRate);
        network.train();
        for (int i = 0; i < WarmupSteps; i++)
        {
            Step(loss, optimizer, weights, generator);
        }

        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < Steps; i++)
        {
            Step(loss, optimizer, weights, generator);
        }

        double milliseconds = stopwatch.Elapsed.TotalMilliseconds / Steps;
        return new StepBenchmarkResult(network.parameters().Sum(p => p.numel()), Config.BatchSize, Steps,
            milliseconds, Config.BatchSize * 1000 / milliseconds, get_num_threads(), Augmented);
    }

    private void Step(TrainingLoss loss, optim.Optimizer optimizer, Tensor weights, Generator generator)
    {
        using var scope = NewDisposeScope();
        var terms = Augmented ? loss.Compute(weights, generator) : loss.ComputeOnViews(weights, weights);
        optimizer.zero_grad();
        terms.Total.backward();
        optimizer.step();
    }
}
