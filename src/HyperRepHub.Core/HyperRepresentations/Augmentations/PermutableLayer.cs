using HyperRepHub.Core.Architectures;

namespace HyperRepHub.Core.HyperRepresentations.Augmentations;

/// <summary>
/// A parameter layer whose output neurons can be permuted without changing the network's function.
/// </summary>
/// <param name="Layer">Index of the layer among the parameter layers.</param>
/// <param name="Residuals">1×1 residual layers right after it, whose outputs and inputs move with its neurons.</param>
/// <param name="Next">Index of the next non-residual parameter layer, whose inputs move with its neurons.</param>
/// <param name="BlockSize">Inputs of <paramref name="Next"/> per neuron: 1, the kernel area of a convolution, or
/// the flattened positions per channel at a conv→linear step.</param>
internal sealed record PermutableLayer(int Layer, IReadOnlyList<int> Residuals, int Next, int BlockSize)
{
    /// <summary>Finds the permutable layers: all but the last, whose outputs are the class logits.</summary>
    public static List<PermutableLayer> Find(IReadOnlyList<ParameterLayer> layers)
    {
        var result = new List<PermutableLayer>();
        for (int i = 0; i < layers.Count; i++)
        {
            if (layers[i].Kind == LayerKind.Residual1x1)
            {
                continue;
            }

            var residuals = new List<int>();
            int next = i + 1;
            while (next < layers.Count && layers[next].Kind == LayerKind.Residual1x1)
            {
                residuals.Add(next++);
            }

            if (next < layers.Count && layers[next].FanIn % layers[i].Neurons == 0)
            {
                result.Add(new PermutableLayer(i, residuals, next, layers[next].FanIn / layers[i].Neurons));
            }
        }

        return result;
    }
}
