using System.Text.Json.Serialization;

namespace HyperRepHub.Core.Architectures;

/// <summary>The kind of one entry in an architecture's ordered layer list, as in a PyTorch <c>nn.Sequential</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LayerKind>))]
public enum LayerKind
{
    /// <summary><c>nn.Conv2d</c> with stride 1 and no padding.</summary>
    Conv2d,

    /// <summary><c>nn.Linear</c>.</summary>
    Linear,

    /// <summary><c>nn.MaxPool2d</c> with stride equal to the kernel size.</summary>
    MaxPool2d,

    /// <summary>An element-wise activation function.</summary>
    Activation,

    /// <summary><c>nn.Flatten</c> from the channel dimension on.</summary>
    Flatten,

    /// <summary><c>nn.Dropout</c>.</summary>
    Dropout,

    /// <summary>A 1×1 convolution added to its input: <c>y = x + conv1x1(x)</c>, channels unchanged.</summary>
    Residual1x1,
}
