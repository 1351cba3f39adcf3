using HyperRepHub.Core.Architectures;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HyperRepHub.Core.HyperRepresentations.Model;

/// <summary>Maps a decoded sequence back to token groups with one linear read-out per parameter layer.</summary>
public sealed class TokenReadout : Module
{
    private readonly ModuleList<Linear> layers;
    private readonly int[] neurons;

    /// <summary>Creates one read-out per layer of <paramref name="parameterLayers"/>.</summary>
    public TokenReadout(string name, IReadOnlyList<ParameterLayer> parameterLayers, int dModel) : base(name)
    {
        neurons = parameterLayers.Select(l => l.Neurons).ToArray();
        layers = new ModuleList<Linear>(parameterLayers.Select(l => Linear(dModel, l.TokenSize)).ToArray());
        RegisterComponents();
    }

    /// <summary>
    /// Reads a sequence <c>[B, T, dModel]</c> out to token groups <c>[B, neurons_l, fanIn_l + 1]</c>.
    /// </summary>
    public IReadOnlyList<Tensor> ReadOut(Tensor sequence)
    {
        var groups = new Tensor[layers.Count];
        long start = 0;
        for (int i = 0; i < layers.Count; i++)
        {
            groups[i] = layers[i].forward(sequence.narrow(1, start, neurons[i])); // [B, neurons_l, fanIn_l + 1]
            start += neurons[i];
        }

        return groups;
    }
}
