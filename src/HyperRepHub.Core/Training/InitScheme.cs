namespace HyperRepHub.Core.Training;

/// <summary>How a model's weights and biases are drawn before training.</summary>
public enum InitScheme
{
    /// <summary>Every weight from U(0, 1), every bias 0.01: the released MNIST zoo's wide init.</summary>
    Uniform01,

    /// <summary>
    /// PyTorch's default for <c>nn.Conv2d</c> and <c>nn.Linear</c>: <c>kaiming_uniform_</c> with a = √5, so
    /// weights from U(-1/√fan_in, 1/√fan_in), and biases from the same range.
    /// </summary>
    KaimingUniform,

    /// <summary>Weights from U(low, high) as configured; biases filled with the configured constant.</summary>
    UniformRange,
}
