namespace HyperRepHub.Core.Architectures;

/// <summary>
/// One layer of an architecture. Which fields apply depends on <see cref="Kind"/>; the others stay at 0 or null.
/// </summary>
/// <param name="Kind">The layer kind.</param>
/// <param name="InChannels">Input channels of a <see cref="LayerKind.Conv2d"/> or <see cref="LayerKind.Residual1x1"/>.</param>
/// <param name="OutChannels">Output channels of a <see cref="LayerKind.Conv2d"/>.</param>
/// <param name="KernelSize">Square kernel size of a convolution or max-pool.</param>
/// <param name="InFeatures">Input features of a <see cref="LayerKind.Linear"/>.</param>
/// <param name="OutFeatures">Output features of a <see cref="LayerKind.Linear"/>.</param>
/// <param name="Function">Activation name: <c>tanh</c>, <c>relu</c>, <c>sigmoid</c>, <c>gelu</c> or <c>leaky_relu</c>.</param>
/// <param name="Rate">Dropout probability.</param>
public sealed record LayerSpec(
    LayerKind Kind,
    int InChannels = 0,
    int OutChannels = 0,
    int KernelSize = 0,
    int InFeatures = 0,
    int OutFeatures = 0,
    string? Function = null,
    double Rate = 0)
{
    /// <summary>Whether the layer owns a weight and a bias.</summary>
    public bool HasParameters => Kind is LayerKind.Conv2d or LayerKind.Linear or LayerKind.Residual1x1;

    /// <summary>Creates a convolution layer.</summary>
    public static LayerSpec Conv(int inChannels, int outChannels, int kernelSize) =>
        new(LayerKind.Conv2d, InChannels: inChannels, OutChannels: outChannels, KernelSize: kernelSize);

    /// <summary>Creates a fully connected layer.</summary>
    public static LayerSpec Dense(int inFeatures, int outFeatures) =>
        new(LayerKind.Linear, InFeatures: inFeatures, OutFeatures: outFeatures);

    /// <summary>Creates a 1×1 residual convolution over <paramref name="channels"/> channels.</summary>
    public static LayerSpec Residual(int channels) => new(LayerKind.Residual1x1, InChannels: channels);

    /// <summary>Creates a max-pool layer.</summary>
    public static LayerSpec MaxPool(int kernelSize) => new(LayerKind.MaxPool2d, KernelSize: kernelSize);

    /// <summary>Creates an activation layer.</summary>
    public static LayerSpec Act(string function) => new(LayerKind.Activation, Function: function);

    /// <summary>Creates a flatten layer.</summary>
    public static LayerSpec Flat() => new(LayerKind.Flatten);
}
