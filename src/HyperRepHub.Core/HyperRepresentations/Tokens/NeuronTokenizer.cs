using HyperRepHub.Core.Architectures;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Tokens;

/// <summary>
/// Splits flat weight vectors into neuron tokens and joins them back, driven by the architecture's
/// <see cref="WeightLayout"/>. A token is one output neuron of a parameter layer: its fan-in weights followed by
/// its bias, so layer l yields <c>Neurons</c> tokens of <c>FanIn + 1</c> values.
/// </summary>
public sealed class NeuronTokenizer
{
    /// <summary>Creates a tokenizer for <paramref name="architecture"/>.</summary>
    public NeuronTokenizer(ArchitectureSpec architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        Architecture = architecture;
        Layers = architecture.Layout.Layers;
        if (Layers.Count == 0)
        {
            throw new ArchitectureException($"Architecture '{architecture.Name}' has no layer with parameters.");
        }
    }

    /// <summary>The architecture whose weights this tokenizer splits.</summary>
    public ArchitectureSpec Architecture { get; }

    /// <summary>Parameter layers in vector order; layer l contributes one token group.</summary>
    public IReadOnlyList<ParameterLayer> Layers { get; }

    /// <summary>Total number of tokens (output neurons of all parameter layers).</summary>
    public int TokenCount => Architecture.Layout.TokenCount;

    /// <summary>Length of the flat weight vector.</summary>
    public int ParameterCount => Architecture.Layout.ParameterCount;

    /// <summary>
    /// Splits weights <c>[N, P]</c> into one token tensor per layer, <c>[N, neurons_l, fanIn_l + 1]</c>.
    /// </summary>
    public IReadOnlyList<Tensor> Tokenize(Tensor weights)
    {
        CheckWeights(weights);
        long n = weights.shape[0];
        var tokens = new List<Tensor>(Layers.Count);
        foreach (var layer in Layers)
        {
            var weight = weights.narrow(1, layer.Offset, layer.WeightLength).view(n, layer.Neurons, layer.FanIn);
            var bias = weights.narrow(1, layer.BiasOffset, layer.Neurons).unsqueeze(2); // [N, neurons, 1]
            tokens.Add(cat([weight, bias], 2)); // [N, neurons, fanIn + 1]
        }

        return tokens;
    }

    /// <summary>
    /// Joins per-layer tokens <c>[N, neurons_l, fanIn_l + 1]</c> back into flat weights <c>[N, P]</c>.
    /// </summary>
    public Tensor Detokenize(IReadOnlyList<Tensor> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count != Layers.Count)
        {
            throw new ArgumentException(
                $"Expected {Layers.Count} token groups for '{Architecture.Name}', got {tokens.Count}.", nameof(tokens));
        }

        var parts = new List<Tensor>(2 * Layers.Count);
        for (int i = 0; i < Layers.Count; i++)
        {
            var layer = Layers[i];
            var group = tokens[i];
            if (group.dim() != 3 || group.shape[1] != layer.Neurons || group.shape[2] != layer.TokenSize)
            {
                throw new ArgumentException(
                    $"Token group {i} must be [N, {layer.Neurons}, {layer.TokenSize}], " +
                    $"got [{string.Join(", ", group.shape)}].", nameof(tokens));
            }

            parts.Add(group.narrow(2, 0, layer.FanIn).flatten(1)); // [N, neurons · fanIn]
            parts.Add(group.select(2, layer.FanIn)); // [N, neurons]
        }

        return cat(parts, 1); // [N, P]
    }

    private void CheckWeights(Tensor weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.dim() != 2 || weights.shape[1] != ParameterCount)
        {
            throw new ArchitectureException(
                $"Expected weights of shape [N, {ParameterCount}] for '{Architecture.Name}', " +
                $"got [{string.Join(", ", weights.shape)}].");
        }
    }
}
