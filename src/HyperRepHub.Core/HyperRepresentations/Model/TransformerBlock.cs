using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HyperRepHub.Core.HyperRepresentations.Model;

/// <summary>
/// A pre-norm transformer block: <c>x + Dropout(Attention(LayerNorm(x)))</c>, then
/// <c>x + Dropout(FeedForward(LayerNorm(x)))</c> with a ReLU feed-forward network. Dropout also applies to the
/// attention weights.
/// </summary>
public sealed class TransformerBlock : Module<Tensor, Tensor>
{
    private readonly LayerNorm attentionNorm;
    private readonly Linear queryKeyValue;
    private readonly Linear attentionOutput;
    private readonly LayerNorm feedForwardNorm;
    private readonly Linear feedForwardIn;
    private readonly Linear feedForwardOut;
    private readonly SeededDropout dropout;
    private readonly long heads;

    /// <summary>Creates a block of width <paramref name="dModel"/>.</summary>
    public TransformerBlock(string name, int dModel, int heads, int feedForward, SeededDropout dropout) : base(name)
    {
        if (dModel % heads != 0)
        {
            throw new ArgumentException($"dModel ({dModel}) must be a multiple of heads ({heads}).", nameof(heads));
        }

        this.heads = heads;
        this.dropout = dropout;
        attentionNorm = LayerNorm(dModel);
        queryKeyValue = Linear(dModel, 3 * dModel);
        attentionOutput = Linear(dModel, dModel);
        feedForwardNorm = LayerNorm(dModel);
        feedForwardIn = Linear(dModel, feedForward);
        feedForwardOut = Linear(feedForward, dModel);
        RegisterComponents();
    }

    /// <summary>Transforms a sequence <c>[B, T, dModel]</c> into one of the same shape.</summary>
    public override Tensor forward(Tensor x)
    {
        x = x + dropout.Apply(attentionOutput.forward(Attend(attentionNorm.forward(x))), training);
        var hidden = functional.relu(feedForwardIn.forward(feedForwardNorm.forward(x))); // [B, T, FF]
        return x + dropout.Apply(feedForwardOut.forward(dropout.Apply(hidden, training)), training);
    }

    private Tensor Attend(Tensor x)
    {
        long batch = x.shape[0], tokens = x.shape[1], width = x.shape[2];
        long headWidth = width / heads;
        var qkv = queryKeyValue.forward(x).view(batch, tokens, 3, heads, headWidth).permute(2, 0, 3, 1, 4);
        var (query, key, value) = (qkv[0], qkv[1], qkv[2]); // each [B, H, T, dh]
        var scores = query.matmul(key.transpose(-2, -1)) / Math.Sqrt(headWidth); // [B, H, T, T]
        var weights = dropout.Apply(scores.softmax(-1), training);
        return weights.matmul(value).transpose(1, 2).reshape(batch, tokens, width); // [B, T, dModel]
    }
}
