using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Augmentations;

namespace HyperRepHub.Core.HyperRepresentations.Alignment;

/// <summary>
/// For one permutable layer, the parameters that move with each of its neurons, as segments of the flat weight
/// vector: rows (its kernel or weight row, its bias, and the rows of 1×1 residual layers after it) and columns (the
/// residual layers' inputs and the next layer's block of inputs).
/// </summary>
/// <remarks>
/// When only tanh, flatten and dropout lie between the layer and the next, negating everything that moves with a
/// neuron leaves the function unchanged as well, because tanh is odd. <see cref="SignSymmetric"/> marks such layers.
/// </remarks>
internal sealed class NeuronGroups
{
    private readonly int[][] rowStarts;
    private readonly int[] rowLengths;
    private readonly int[][] columnStarts;
    private readonly int[] columnLengths;

    public NeuronGroups(IReadOnlyList<ParameterLayer> layers, PermutableLayer permutable, bool signSymmetric)
    {
        SignSymmetric = signSymmetric;
        var layer = layers[permutable.Layer];
        var residuals = permutable.Residuals.Select(r => layers[r]).ToArray();
        var next = layers[permutable.Next];
        Neurons = layer.Neurons;
        var rows = new List<(Func<int, int> Start, int Length)>
        {
            (j => layer.Offset + j * layer.FanIn, layer.FanIn),
            (j => layer.BiasOffset + j, 1),
        };
        var columns = new List<(Func<int, int> Start, int Length)>();
        foreach (var residual in residuals)
        {
            rows.Add((j => residual.Offset + j * residual.FanIn, residual.FanIn));
            rows.Add((j => residual.BiasOffset + j, 1));
            for (int row = 0; row < residual.Neurons; row++)
            {
                int rowStart = residual.Offset + row * residual.FanIn;
                columns.Add((j => rowStart + j, 1));
            }
        }

        for (int row = 0; row < next.Neurons; row++)
        {
            int rowStart = next.Offset + row * next.FanIn;
            columns.Add((j => rowStart + j * permutable.BlockSize, permutable.BlockSize));
        }

        (rowStarts, rowLengths) = Materialize(rows, Neurons);
        (columnStarts, columnLengths) = Materialize(columns, Neurons);
    }

    public int Neurons { get; }

    /// <summary>Whether a neuron's sign can be flipped without changing the function.</summary>
    public bool SignSymmetric { get; }

    /// <summary>Inner products <c>[i, j]</c> of reference neuron i's parameters with model neuron j's.</summary>
    public double[,] Similarity(float[] reference, float[] model)
    {
        var result = new double[Neurons, Neurons];
        for (int i = 0; i < Neurons; i++)
        {
            for (int j = 0; j < Neurons; j++)
            {
                result[i, j] = Dot(reference, rowStarts[i], model, rowStarts[j], rowLengths) +
                    Dot(reference, columnStarts[i], model, columnStarts[j], columnLengths);
            }
        }

        return result;
    }

    /// <summary>
    /// Writes into <paramref name="model"/> the model whose neuron k is <paramref name="model"/>'s neuron
    /// <c>order[k]</c>; <paramref name="scratch"/> has the model's length.
    /// </summary>
    public void Permute(float[] model, int[] order, float[] scratch)
    {
        // Rows first, then columns of the row-permuted weights: a residual layer's row k, column m ends up holding
        // the original row order[k], column order[m].
        Move(model, scratch, order, rowStarts, rowLengths);
        Move(model, scratch, order, columnStarts, columnLengths);
    }

    /// <summary>Negates everything that moves with neuron k wherever <c>negate[k]</c> is true.</summary>
    public void Flip(float[] model, bool[] negate)
    {
        // A residual layer's diagonal entry is in both its row and its column, and stays as it is.
        for (int k = 0; k < negate.Length; k++)
        {
            if (negate[k])
            {
                Negate(model, rowStarts[k], rowLengths);
                Negate(model, columnStarts[k], columnLengths);
            }
        }
    }

    private static void Negate(float[] model, int[] starts, int[] lengths)
    {
        for (int s = 0; s < lengths.Length; s++)
        {
            foreach (ref float value in model.AsSpan(starts[s], lengths[s]))
            {
                value = -value;
            }
        }
    }

    private static void Move(float[] model, float[] scratch, int[] order, int[][] starts, int[] lengths)
    {
        Array.Copy(model, scratch, model.Length);
        for (int k = 0; k < order.Length; k++)
        {
            for (int s = 0; s < lengths.Length; s++)
            {
                Array.Copy(scratch, starts[order[k]][s], model, starts[k][s], lengths[s]);
            }
        }
    }

    private static double Dot(float[] a, int[] aStarts, float[] b, int[] bStarts, int[] lengths)
    {
        double sum = 0;
        for (int s = 0; s < lengths.Length; s++)
        {
            var x = a.AsSpan(aStarts[s], lengths[s]);
            var y = b.AsSpan(bStarts[s], lengths[s]);
            for (int t = 0; t < x.Length; t++)
            {
                sum += x[t] * (double)y[t];
            }
        }

        return sum;
    }

    private static (int[][] Starts, int[] Lengths) Materialize(List<(Func<int, int> Start, int Length)> segments,
        int neurons)
    {
        var starts = new int[neurons][];
        for (int j = 0; j < neurons; j++)
        {
            starts[j] = segments.Select(s => s.Start(j)).ToArray();
        }

        return (starts, segments.Select(s => s.Length).ToArray());
    }
}
