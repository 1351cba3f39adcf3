using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Training;

/// <summary>
/// Trains one model at a time as a plain <c>nn.Sequential</c> with <c>torch.optim</c>: the reference the population
/// trainer is checked against, and the baseline of the zoo-training benchmark. Data order is the same as the
/// population trainer's.
/// </summary>
public sealed class SingleModelTrainer(ArchitectureSpec spec, ImageDataset train)
{
    /// <summary>Trains from <paramref name="initial"/> <c>[P]</c> for epochs 1..<paramref name="epochs"/>; returns the final <c>[P]</c>.</summary>
    public Tensor Train(Tensor initial, ModelHyperParameters hyperParameters, long seed, int epochs,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hyperParameters);
        using var model = SequentialBuilder.Build(spec);
        SequentialBuilder.LoadFlat(model, spec, initial);
        model.train();
        using var optimizer = CreateOptimizer(model, hyperParameters);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            using var epochScope = NewDisposeScope();
            var order = DataOrder.Permutation(seed, epoch, train.Count);
            for (long start = 0; start < train.Count; start += hyperParameters.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var indices = order.narrow(0, start, Math.Min(hyperParameters.BatchSize, train.Count - start));
                var logits = model.forward(train.Images.index_select(0, indices)); // [b, classes]
                var loss = nn.functional.cross_entropy(logits, train.Labels.index_select(0, indices));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }

        return SequentialBuilder.ToFlat(model, spec);
    }

    private static optim.Optimizer CreateOptimizer(nn.Module model, ModelHyperParameters hyperParameters) =>
        hyperParameters.Optimizer switch
        {
            OptimizerKind.Adam => optim.Adam(model.parameters(), hyperParameters.LearningRate),
            OptimizerKind.Sgd => optim.SGD(model.parameters(), hyperParameters.LearningRate,
                momentum: hyperParameters.Momentum),
            _ => throw new ArgumentOutOfRangeException(nameof(hyperParameters), hyperParameters.Optimizer, null),
        };
}
