using HyperRepHub.Core.Architectures;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HyperRepHub.Core.HyperRepresentations.Model;

/// <summary>
/// The encoder: embedded neuron tokens with a learned compression token prepended and learned position
/// embeddings added, pre-norm transformer blocks, then the compression token's output through a linear map and
/// tanh, so the embedding z lies in (-1, 1)^D.
/// </summary>
public sealed class WeightEncoder : Module
{
    private readonly TokenEmbedder embedder;
    private readonly Parameter compressionToken;
    private readonly Parameter positions;
    private readonly ModuleList<TransformerBlock> blocks;
    private readonly LayerNorm norm;
    private readonly Linear toLatent;
    private readonly SeededDropout dropout;

    /// <summary>Creates an encoder for token groups of <paramref name="parameterLayers"/>.</summary>
    public WeightEncoder(string name, IReadOnlyList<ParameterLayer> parameterLayers, HyperRepConfig config,
        SeededDropout dropout) : base(name)
    {
        int tokens = parameterLayers.Sum(l => l.Neurons);
        this.dropout = dropout;
        embedder = new TokenEmbedder("embedder", parameterLayers, config.DModel);
        compressionToken = new Parameter(zeros(1, 1, config.DModel));
        positions = new Parameter(zeros(tokens + 1, config.DModel));
        blocks = new ModuleList<TransformerBlock>(Enumerable.Range(0, config.EncoderBlocks)
            .Select(i => new TransformerBlock($"block{i}", config.DModel, config.Heads, config.FeedForward, dropout))
            .ToArray());
        norm = LayerNorm(config.DModel);
        toLatent = Linear(config.DModel, config.LatentDimension);
        RegisterComponents();
    }

    /// <summary>Encodes token groups <c>[B, neurons_l, fanIn_l + 1]</c> to embeddings <c>[B, D]</c>.</summary>
    public Tensor Encode(IReadOnlyList<Tensor> tokens)
    {
        var sequence = embedder.Embed(tokens); // [B, T, dModel]
        long batch = sequence.shape[0];
        var compression = compressionToken.expand(batch, 1, compressionToken.shape[2]);
        var x = cat([compression, sequence], 1) + positions; // [B, T + 1, dModel]
        x = dropout.Apply(x, training);
        foreach (var block in blocks)
        {
            x = block.forward(x);
        }

        return toLatent.forward(norm.forward(x.select(1, 0))).tanh(); // [B, D]
    }
}
