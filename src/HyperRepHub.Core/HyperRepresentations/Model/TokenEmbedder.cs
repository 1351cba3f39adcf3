using HyperRepHub.Core.Architectures;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HyperRepHub.Core.HyperRepresentations.Model;

/// <summary>
/// Embeds neuron tokens to <c>dModel</c> with one linear map per parameter layer, because each layer's tokens
/// have their own size (<c>fanIn + 1</c>).
/// </summary>
public sealed class TokenEmbedder : Module
{
    private readonly ModuleList<Linear> layers;

    /// <summary>Creates one embedding per layer of <paramref name="parameterLayers"/>.</summary>
    public TokenEmbedder(string name, IReadOnlyList<ParameterLayer> parameterLayers, int dModel) : base(name)
    {
        layers = new ModuleList<Linear>(parameterLayers.Select(l => Linear(l.TokenSize, dModel)).ToArray());
        RegisterComponents();
    }

    /// <summary>Embeds token groups <c>[B, neurons_l, fanIn_l + 1]</c> to one sequence <c>[B, T, dModel]</c>.</summary>
    public Tensor Embed(IReadOnlyList<Tensor> tokens)
    {
        var embedded = new Tensor[layers.Count];
        for (int i = 0; i < layers.Count; i++)
        {
            embedded[i] = layers[i].forward(tokens[i]); // [B, neurons_l, dModel]
        }

        return cat(embedded, 1); // [B, T, dModel]
    }
}
