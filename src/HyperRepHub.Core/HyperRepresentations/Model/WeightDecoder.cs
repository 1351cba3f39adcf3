using HyperRepHub.Core.Architectures;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HyperRepHub.Core.HyperRepresentations.Model;

/// <summary>
/// The decoder: a linear map from z to all token embeddings, learned position embeddings, pre-norm transformer
/// blocks, then per-layer read-outs back to token groups.
/// </summary>
public sealed class WeightDecoder : Module
{
    private readonly Linear fromLatent;
    private readonly Parameter positions;
    private readonly ModuleList<TransformerBlock> blocks;
    private readonly LayerNorm norm;
    private readonly TokenReadout readout;
    private readonly SeededDropout dropout;
    private readonly long tokens;
    private readonly long dModel;

    /// <summary>Creates a decoder to token groups of <paramref name="parameterLayers"/>.</summary>
    public WeightDecoder(string name, IReadOnlyList<ParameterLayer> parameterLayers, HyperRepConfig config,
        SeededDropout dropout) : base(name)
    {
        tokens = parameterLayers.Sum(l => l.Neurons);
        dModel = config.DModel;
        this.dropout = dropout;
        fromLatent = Linear(config.LatentDimension, tokens * config.DModel);
        positions = new Parameter(zeros(tokens, config.DModel));
        blocks = new ModuleList<TransformerBlock>(Enumerable.Range(0, config.DecoderBlocks)
            .Select(i => new TransformerBlock($"block{i}", config.DModel, config.Heads, config.FeedForward, dropout))
            .ToArray());
        norm = LayerNorm(config.DModel);
        readout = new TokenReadout("readout", parameterLayers, config.DModel);
        RegisterComponents();
    }

    /// <summary>Decodes embeddings <c>[B, D]</c> to token groups <c>[B, neurons_l, fanIn_l + 1]</c>.</summary>
    public IReadOnlyList<Tensor> Decode(Tensor z)
    {
        var x = fromLatent.forward(z).view(z.shape[0], tokens, dModel) + positions; // [B, T, dModel]
        x = dropout.Apply(x, training);
        foreach (var block in blocks)
        {
            x = block.forward(x);
        }

        return readout.ReadOut(norm.forward(x));
    }
}
