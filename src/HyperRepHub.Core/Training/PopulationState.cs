using static TorchSharp.torch;

namespace HyperRepHub.Core.Training;

/// <summary>The trainable state of a population: stacked weights and the optimizer's buffers.</summary>
public sealed class PopulationState : IDisposable
{
    /// <summary>Wraps initial weights <c>[M, P]</c>, one seed and one set of hyper-parameters per row.</summary>
    public PopulationState(Tensor weights, IReadOnlyList<long> seeds, IReadOnlyList<ModelHyperParameters> hyperParameters)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(hyperParameters);
        if (weights.dim() != 2 || weights.shape[0] != seeds.Count || seeds.Count != hyperParameters.Count)
        {
            throw new ArgumentException(
                $"Expected weights [M, P] with M = {seeds.Count} seeds and hyper-parameter sets, " +
                $"got [{string.Join(", ", weights.shape)}] and {hyperParameters.Count} sets.", nameof(weights));
        }

        var first = hyperParameters[0];
        if (hyperParameters.Any(h => h.Optimizer != first.Optimizer || h.BatchSize != first.BatchSize ||
                                     h.Momentum != first.Momentum))
        {
            throw new ArgumentException(
                "Models trained together must share optimizer, momentum and batch size; only learning rates may differ.",
                nameof(hyperParameters));
        }

        Weights = weights.detach().clone().requires_grad_(true);
        Seeds = seeds;
        HyperParameters = hyperParameters;
        Optimizer = new StackedOptimizer(first.Optimizer, hyperParameters.Select(h => h.LearningRate).ToArray(),
            weights.shape[1], first.Momentum);
    }

    /// <summary>Stacked flat weights <c>[M, P]</c>, a leaf that requires gradients.</summary>
    public Tensor Weights { get; }

    /// <summary>Seed of each model.</summary>
    public IReadOnlyList<long> Seeds { get; }

    /// <summary>Hyper-parameters of each model.</summary>
    public IReadOnlyList<ModelHyperParameters> HyperParameters { get; }

    /// <summary>The optimizer over <see cref="Weights"/>.</summary>
    public StackedOptimizer Optimizer { get; }

    /// <summary>Number of models.</summary>
    public int Count => Seeds.Count;

    /// <summary>Batch size shared by the models.</summary>
    public int BatchSize => HyperParameters[0].BatchSize;

    /// <inheritdoc />
    public void Dispose() => Weights.Dispose();
}
