using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Population;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Training;

/// <summary>
/// Trains M models of one architecture together: one forward pass over stacked weights, where each model sees its
/// own batch in its own data order, then one optimizer step for all rows. The loss is the sum of the models' mean
/// losses, so each model's gradient is exactly the gradient of its own loss.
/// </summary>
public sealed class PopulationTrainer(ArchitectureSpec spec, ImageDataset train, ImageDataset test)
{
    private const int EvaluationImagesPerChunk = 256;

    /// <summary>
    /// Number of threads that each train one shard of the models at the same time (default 1). Meant for one libtorch
    /// thread per kernel (<c>torch.set_num_threads(1)</c>), so that the shards' kernels run side by side on separate
    /// cores. With dropout layers the random masks depend on which thread draws first, so such runs are not
    /// reproducible.
    /// </summary>
    public int Workers
    {
        get;
        init => field = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Workers), value, "Workers must be at least 1.");
    } = 1;

    /// <summary>
    /// Largest number of models in one forward and backward pass (default: all). Smaller shards keep a pass's
    /// activations small, and the shards run one after another on each of the <see cref="Workers"/> threads.
    /// </summary>
    public int? ModelsPerPass
    {
        get;
        init => field = value is null or >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ModelsPerPass), value, "ModelsPerPass must be at least 1.");
    }

    /// <summary>The architecture of every model.</summary>
    public ArchitectureSpec Architecture { get; } = spec;

    /// <summary>Steps per epoch at <paramref name="batchSize"/>: the last batch may be smaller.</summary>
    public int StepsPerEpoch(int batchSize) => (int)((train.Count + batchSize - 1) / batchSize);

    /// <summary>Runs one epoch (1-based) of training; <paramref name="onStep"/> gets the 1-based step after each step.</summary>
    public void TrainEpoch(PopulationState state, int epoch, Action<int>? onStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var epochScope = NewDisposeScope();
        long count = train.Count;
        var orders = stack(state.Seeds.Select(s => DataOrder.Permutation(s, epoch, count)).ToArray()); // [M, N]
        int batchSize = state.BatchSize;
        int steps = StepsPerEpoch(batchSize);
        for (int step = 0; step < steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long start = (long)step * batchSize;
            TrainStep(state, orders.narrow(1, start, Math.Min(batchSize, count - start)));
            onStep?.Invoke(step + 1);
        }
    }

    /// <summary>Loss and accuracy of each model <c>[M, P]</c> on the training or the test images.</summary>
    public IReadOnlyList<(double Loss, double Accuracy)> Evaluate(Tensor weights, bool onTestImages)
    {
        var data = onTestImages ? test : train;
        int models = (int)weights.shape[0];
        var lossSums = new double[models];
        var correct = new double[models];
        using var noGrad = no_grad();
        for (long start = 0; start < data.Count; start += EvaluationImagesPerChunk)
        {
            using var scope = NewDisposeScope();
            long length = Math.Min(EvaluationImagesPerChunk, data.Count - start);
            var images = data.Images.narrow(0, start, length); // [B, C, H, W]
            var labels = data.Labels.narrow(0, start, length);
            var parameters = PopulationForward.Unflatten(Architecture, weights);
            var logits = PopulationForward.Forward(Architecture, parameters, images); // [M, B, classes]
            var losses = nn.functional.cross_entropy(logits.flatten(0, 1), labels.repeat(models),
                reduction: nn.Reduction.None).view(models, length); // [M, B]
            var hits = logits.argmax(-1).eq(labels.unsqueeze(0)).sum(1, type: float64); // [M]
            Accumulate(lossSums, losses.sum(1, type: float64));
            Accumulate(correct, hits);
        }

        return Enumerable.Range(0, models)
            .Select(m => (lossSums[m] / data.Count, correct[m] / data.Count))
            .ToArray();
    }

    private void TrainStep(PopulationState state, Tensor indices)
    {
        using var scope = NewDisposeScope();
        int shards = Math.Max(Workers, ModelsPerPass is { } perPass ? (state.Count + perPass - 1) / perPass : 1);
        var gradient = shards == 1 || state.Count == 1
            ? Gradient(state.Weights, indices)
            : ShardedGradient(state.Weights, indices, shards); // [M, P]
        state.Optimizer.Apply(state.Weights, gradient);
    }

    /// <summary>
    /// Computes the gradient <c>[n, P]</c> of each model's mean loss on its batch <c>indices</c> <c>[n, b]</c>.
    /// </summary>
    private Tensor Gradient(Tensor weights, Tensor indices)
    {
        long models = indices.shape[0];
        long batch = indices.shape[1];
        var flatIndices = indices.flatten();
        var images = train.Images.index_select(0, flatIndices); // [n·b, C, H, W]
        images = images.view([models, batch, .. images.shape[1..]]); // [n, b, C, H, W]
        var labels = train.Labels.index_select(0, flatIndices); // [n·b]
        var parameters = PopulationForward.Unflatten(Architecture, weights);
        var logits = PopulationForward.Forward(Architecture, parameters, images, training: true); // [n, b, classes]

        // Sum over models of each model's mean loss: every model gets the gradient of its own mean loss.
        var loss = nn.functional.cross_entropy(logits.flatten(0, 1), labels, reduction: nn.Reduction.Sum) / batch;
        return autograd.grad([loss], [weights])[0]; // [n, P]
    }

    /// <summary>
    /// Splits the models into <paramref name="count"/> contiguous shards and computes their gradients on up to
    /// <see cref="Workers"/> threads. Each model's computation is the same as in a single pass.
    /// </summary>
    private Tensor ShardedGradient(Tensor weights, Tensor indices, int count)
    {
        var shards = ModelShards.Split(indices.shape[0], count);
        var gradients = new Tensor[shards.Count];
        var values = weights.detach();
        Parallel.For(0, shards.Count, new ParallelOptions { MaxDegreeOfParallelism = Workers }, k =>
        {
            using var scope = NewDisposeScope();
            var (start, length) = shards[k];
            var leaf = values.narrow(0, start, length).requires_grad_(true); // [n, P]
            gradients[k] = Gradient(leaf, indices.narrow(0, start, length)).MoveToOuterDisposeScope();
        });

        var gradient = cat(gradients, 0); // [M, P]
        foreach (var part in gradients)
        {
            part.Dispose();
        }

        return gradient;
    }

    private static void Accumulate(double[] totals, Tensor values)
    {
        var data = values.data<double>();
        for (int i = 0; i < totals.Length; i++)
        {
            totals[i] += data[i];
        }
    }
}
