using HyperRepHub.Core.Architectures;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Augmentations;

/// <summary>
/// Permutes hidden neurons without changing the function a network computes: the output neurons of layer l
/// (weight rows and biases) and, consistently, the inputs of the next parameter layer. At a conv→linear step
/// the linear layer's input columns move in blocks of <c>fanIn / channels</c> (the flattened spatial positions,
/// 9 for CNN-s). A 1×1 residual layer in between has its outputs and inputs permuted alike. The last layer's
/// outputs are the class logits and are never permuted.
/// </summary>
public sealed class NeuronPermutation
{
    private readonly IReadOnlyList<ParameterLayer> layers;
    private readonly IReadOnlyList<PermutableLayer> permutable;
    private readonly int parameterCount;

    /// <summary>Creates the permutation for <paramref name="architecture"/>.</summary>
    public NeuronPermutation(ArchitectureSpec architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        layers = architecture.Layout.Layers;
        parameterCount = architecture.ParameterCount;
        permutable = PermutableLayer.Find(layers);
    }

    /// <summary>Indices (into the parameter layers) of the layers whose output neurons are permuted.</summary>
    public IReadOnlyList<int> PermutedLayers => permutable.Select(p => p.Layer).ToArray();

    /// <summary>Applies an independent random permutation to every row of weights <c>[N, P]</c>.</summary>
    public Tensor Apply(Tensor weights, Generator generator)
    {
        long samples = weights.shape[0];
        var result = weights;
        foreach (var layer in permutable)
        {
            int neurons = layers[layer.Layer].Neurons;
            var permutation = rand(samples, neurons, generator: generator).argsort(1); // [N, neurons]
            result = Apply(result, layer, permutation);
        }

        return result;
    }

    /// <summary>
    /// Permutes layer <paramref name="layerIndex"/>'s neurons of every row by <paramref name="permutation"/> <c>[N,
    /// neurons]</c>.
    /// </summary>
    public Tensor Apply(Tensor weights, int layerIndex, Tensor permutation)
    {
        var layer = permutable.FirstOrDefault(p => p.Layer == layerIndex) ?? throw new ArgumentOutOfRangeException(
            nameof(layerIndex), layerIndex,
            $"Layer {layerIndex} is not permutable; use one of {string.Join(", ", PermutedLayers)}.");
        return Apply(weights, layer, permutation);
    }

    private Tensor Apply(Tensor weights, PermutableLayer layer, Tensor permutation)
    {
        long samples = weights.shape[0];
        var map = arange(parameterCount, dtype: ScalarType.Int64).expand(samples, parameterCount).clone(); // [N, P]
        WriteRowMap(map, layers[layer.Layer], permutation);
        foreach (int residual in layer.Residuals)
        {
            WriteRowMap(map, layers[residual], permutation);
        }

        // A residual layer's inputs follow the same permutation as its outputs.
        var permuted = weights.gather(1, map);
        foreach (int residual in layer.Residuals)
        {
            permuted = WriteColumns(permuted, layers[residual], permutation, 1, samples);
        }

        return WriteColumns(permuted, layers[layer.Next], permutation, layer.BlockSize, samples);
    }

    private static void WriteRowMap(Tensor map, ParameterLayer layer, Tensor permutation)
    {
        var within = arange(layer.FanIn, dtype: ScalarType.Int64); // [fanIn]
        var rows = (permutation.unsqueeze(2) * layer.FanIn + within + layer.Offset).flatten(1); // [N, neurons · fanIn]
        map.narrow(1, layer.Offset, layer.WeightLength).copy_(rows);
        map.narrow(1, layer.BiasOffset, layer.Neurons).copy_(permutation + layer.BiasOffset);
    }

    private Tensor WriteColumns(Tensor weights, ParameterLayer next, Tensor permutation, int blockSize, long samples)
    {
        var map = arange(parameterCount, dtype: ScalarType.Int64).expand(samples, parameterCount).clone(); // [N, P]
        var within = arange(blockSize, dtype: ScalarType.Int64);
        var columns = (permutation.unsqueeze(2) * blockSize + within).flatten(1); // [N, fanIn]
        var rowStarts = arange(next.Neurons, dtype: ScalarType.Int64).mul(next.FanIn).add(next.Offset); // [rows]
        var positions = rowStarts.view(1, -1, 1) + columns.unsqueeze(1); // [N, rows, fanIn]
        map.narrow(1, next.Offset, next.WeightLength).copy_(positions.flatten(1));
        return weights.gather(1, map);
    }
}
