namespace HyperRepHub.Core.Architectures;

/// <summary>
/// A layer that owns parameters, with its place in the flat weight vector: its weight (PyTorch layout
/// <c>[out, in, kh, kw]</c> or <c>[out, in]</c>) starts at <see cref="Offset"/>, its bias follows.
/// </summary>
/// <param name="LayerIndex">Index in <see cref="ArchitectureSpec.Layers"/>, which is also the state_dict prefix.</param>
/// <param name="Kind">Conv2d, Linear or Residual1x1.</param>
/// <param name="WeightShape">PyTorch shape of the weight.</param>
/// <param name="Offset">Start of the weight in the flat vector.</param>
/// <param name="Neurons">Output neurons (channels or features): one token each.</param>
/// <param name="FanIn">Weights per output neuron (<c>in · kh · kw</c>).</param>
public sealed record ParameterLayer(int LayerIndex, LayerKind Kind, long[] WeightShape, int Offset, int Neurons, int FanIn)
{
    /// <summary>The state_dict key of the weight.</summary>
    public string WeightKey => $"{LayerIndex}.weight";

    /// <summary>The state_dict key of the bias.</summary>
    public string BiasKey => $"{LayerIndex}.bias";

    /// <summary>Number of weight entries.</summary>
    public int WeightLength => Neurons * FanIn;

    /// <summary>Start of the bias in the flat vector.</summary>
    public int BiasOffset => Offset + WeightLength;

    /// <summary>Weights plus biases.</summary>
    public int Length => WeightLength + Neurons;

    /// <summary>Values per token: one neuron's fan-in weights followed by its bias.</summary>
    public int TokenSize => FanIn + 1;
}
