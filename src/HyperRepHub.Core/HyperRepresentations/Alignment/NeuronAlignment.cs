using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Augmentations;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Alignment;

/// <summary>
/// Puts a model's hidden neurons into the order of a reference model without changing the function it computes
/// (weight matching), and flips the sign of a neuron where only tanh follows it. Each sweep visits the permutable
/// layers in order. With the other layers fixed, it solves the assignment that maximises the inner product of every
/// neuron's parameters (its row, bias and the next layer's inputs it feeds) with the reference's. A step is kept only
/// when it raises the inner product of the whole weight vectors with the reference, so the search ends. It stops
/// after a sweep without change, or after the maximum number of sweeps given to the constructor
/// (<see cref="DefaultMaxSweeps"/> by default).
/// </summary>
/// <remarks>
/// Models trained from different seeds compute similar functions with their neurons in arbitrary order. Aligning a
/// zoo to one of its models removes that arbitrary order, which an autoencoder of the weights would otherwise have
/// to learn from few models.
/// </remarks>
public sealed class NeuronAlignment
{
    /// <summary>Default maximum number of sweeps over the layers per model.</summary>
    public const int DefaultMaxSweeps = 20;

    private readonly IReadOnlyList<NeuronGroups> groups;
    private readonly int parameterCount;
    private readonly int maxSweeps;

    /// <summary>Creates the alignment for models of <paramref name="architecture"/>.</summary>
    public NeuronAlignment(ArchitectureSpec architecture, int maxSweeps = DefaultMaxSweeps)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSweeps, 1);
        this.maxSweeps = maxSweeps;
        var layers = architecture.Layout.Layers;
        groups = PermutableLayer.Find(layers)
            .Select(p => new NeuronGroups(layers, p, IsSignSymmetric(architecture, layers[p.Layer], layers[p.Next])))
            .ToArray();
        parameterCount = architecture.ParameterCount;
    }

    /// <summary>Returns <paramref name="model"/> with its neurons in the order that best matches
    /// <paramref name="reference"/>. Both are flat weight vectors of the architecture.</summary>
    /// <exception cref="ArgumentException">A vector has the wrong length or contains NaN or infinite values.</exception>
    public float[] Align(ReadOnlySpan<float> model, ReadOnlySpan<float> reference)
    {
        CheckLength(model.Length, nameof(model));
        CheckLength(reference.Length, nameof(reference));
        CheckFinite(model, nameof(model));
        CheckFinite(reference, nameof(reference));
        var current = model.ToArray();
        var target = reference.ToArray();
        var scratch = new float[parameterCount];
        var candidate = new float[parameterCount];
        double score = WeightVectors.Dot(current, target);
        for (int sweep = 0; sweep < maxSweeps; sweep++)
        {
            bool changed = false;
            foreach (var group in groups)
            {
                var similarity = group.Similarity(target, current);
                var order = LinearAssignment.Maximize(group.SignSymmetric ? Magnitudes(similarity) : similarity);
                var negate = order.Select((j, i) => group.SignSymmetric && similarity[i, j] < 0).ToArray();
                if (IsIdentity(order) && !negate.Contains(true))
                {
                    continue;
                }

                Array.Copy(current, candidate, parameterCount);
                group.Permute(candidate, order, scratch);
                group.Flip(candidate, negate);
                double candidateScore = WeightVectors.Dot(candidate, target);
                if (candidateScore > score)
                {
                    (current, candidate) = (candidate, current);
                    score = candidateScore;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return current;
    }

    /// <summary>Aligns every row of <paramref name="weights"/> <c>[N, P]</c> to <paramref name="reference"/>
    /// <c>[P]</c> and returns the aligned rows as a new float32 tensor.</summary>
    public Tensor Align(Tensor weights, Tensor reference)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(reference);
        if (weights.dim() != 2)
        {
            throw new ArgumentException($"Weights must be [N, P]; got [{string.Join(", ", weights.shape)}].",
                nameof(weights));
        }

        CheckLength(weights.shape[1], nameof(weights));
        var target = reference.to(ScalarType.Float32).contiguous().data<float>().ToArray();
        var rows = weights.to(ScalarType.Float32).contiguous().data<float>().ToArray();
        var aligned = new float[rows.Length];
        Parallel.For(0, (int)weights.shape[0], row =>
        {
            var result = Align(rows.AsSpan(row * parameterCount, parameterCount), target);
            result.CopyTo(aligned, row * parameterCount);
        });
        return tensor(aligned, weights.shape[0], parameterCount);
    }

    /// <summary>
    /// The Euclidean distance between <paramref name="reference"/> and <paramref name="model"/> aligned to it: the
    /// weight-space distance up to a permutation of hidden neurons, 0 for a permuted copy.
    /// </summary>
    public double Distance(ReadOnlySpan<float> model, ReadOnlySpan<float> reference) =>
        WeightVectors.Distance(Align(model, reference), reference);

    /// <summary>
    /// The index of the training checkpoint that alignment starts from: the most accurate one of the latest epoch
    /// (the first on a tie).
    /// </summary>
    public static int ReferenceIndex(IReadOnlyList<int> epochs, IReadOnlyList<double> accuracies)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        ArgumentNullException.ThrowIfNull(accuracies);
        if (epochs.Count == 0 || epochs.Count != accuracies.Count)
        {
            throw new ArgumentException(
                $"Need at least one checkpoint with one accuracy each; got {epochs.Count} epochs and " +
                $"{accuracies.Count} accuracies.", nameof(accuracies));
        }

        int latest = epochs.Max();
        int best = -1;
        for (int i = 0; i < epochs.Count; i++)
        {
            if (epochs[i] == latest && (best < 0 || Score(accuracies[i]) > Score(accuracies[best])))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Whether only tanh activations, flatten and dropout (and the layer's own 1×1 residual layers) lie between
    /// <paramref name="layer"/> and <paramref name="next"/>, so a neuron's sign can be flipped.
    /// </summary>
    private static bool IsSignSymmetric(ArchitectureSpec architecture, ParameterLayer layer, ParameterLayer next)
    {
        for (int i = layer.LayerIndex + 1; i < next.LayerIndex; i++)
        {
            var spec = architecture.Layers[i];
            bool odd = spec.Kind is LayerKind.Flatten or LayerKind.Dropout or LayerKind.Residual1x1 ||
                (spec.Kind == LayerKind.Activation && spec.Function == "tanh");
            if (!odd)
            {
                return false;
            }
        }

        return true;
    }

    private static double[,] Magnitudes(double[,] similarity)
    {
        var result = (double[,])similarity.Clone();
        for (int i = 0; i < result.GetLength(0); i++)
        {
            for (int j = 0; j < result.GetLength(1); j++)
            {
                result[i, j] = Math.Abs(result[i, j]);
            }
        }

        return result;
    }

    private static double Score(double accuracy) => double.IsNaN(accuracy) ? double.NegativeInfinity : accuracy;

    private static void CheckFinite(ReadOnlySpan<float> weights, string name)
    {
        foreach (float value in weights)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException("The weights contain NaN or infinite values; they cannot be aligned.",
                    name);
            }
        }
    }

    private void CheckLength(long length, string name)
    {
        if (length != parameterCount)
        {
            throw new ArgumentException(
                $"Expected {parameterCount} parameters per model; got {length}.", name);
        }
    }

    private static bool IsIdentity(int[] order)
    {
        for (int i = 0; i < order.Length; i++)
        {
            if (order[i] != i)
            {
                return false;
            }
        }

        return true;
    }
}
