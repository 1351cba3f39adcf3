namespace HyperRepHub.Core.Architectures;

/// <summary>The built-in architectures, looked up by name.</summary>
public static class BuiltInArchitectures
{
    /// <summary>
    /// CNN-s, the model-zoo MNIST network: Conv(1→8, k5) → MaxPool(2) → tanh → Conv(8→6, k5) → MaxPool(2) → tanh →
    /// Conv(6→4, k2) → tanh → Flatten(36) → Linear(36→20) → tanh → Linear(20→10). 2,464 parameters.
    /// </summary>
    public static ArchitectureSpec CnnSmall { get; } = new("cnn-s", 1, 28, 28, 10,
    [
        LayerSpec.Conv(1, 8, 5), LayerSpec.MaxPool(2), LayerSpec.Act("tanh"),
        LayerSpec.Conv(8, 6, 5), LayerSpec.MaxPool(2), LayerSpec.Act("tanh"),
        LayerSpec.Conv(6, 4, 2), LayerSpec.Act("tanh"),
        LayerSpec.Flat(),
        LayerSpec.Dense(36, 20), LayerSpec.Act("tanh"),
        LayerSpec.Dense(20, 10),
    ]);

    /// <summary>
    /// CNN-l, the larger zoo network for 3-channel 32×32 inputs: three Conv(k3) → MaxPool(2) → activation blocks
    /// (3→16→32→15 channels), Flatten(60), Linear(60→20), Linear(20→10). 10,853 parameters.
    /// </summary>
    public static ArchitectureSpec CnnLarge { get; } = new("cnn-l", 3, 32, 32, 10,
    [
        LayerSpec.Conv(3, 16, 3), LayerSpec.MaxPool(2), LayerSpec.Act("tanh"),
        LayerSpec.Conv(16, 32, 3), LayerSpec.MaxPool(2), LayerSpec.Act("tanh"),
        LayerSpec.Conv(32, 15, 3), LayerSpec.MaxPool(2), LayerSpec.Act("tanh"),
        LayerSpec.Flat(),
        LayerSpec.Dense(60, 20), LayerSpec.Act("tanh"),
        LayerSpec.Dense(20, 10),
    ]);

    /// <summary>
    /// CNN-s with four smaller convolutions that contain as many parameters as CNN-s's three (1,514), so a CNN-s
    /// vector can be re-distributed into it. Layers: Conv(1→8, k5) → MaxPool(2) → tanh → Conv(8→16, k2) → tanh →
    /// Conv(16→6, k2) → tanh → Conv(6→4, k4) → MaxPool(2) → tanh, then CNN-s's Flatten(36) → Linear(36→20) → tanh →
    /// Linear(20→10). The convolutions have 208, 528, 390 and 388 parameters, 2,464 in all with the linear layers.
    /// </summary>
    public static ArchitectureSpec CnnSmallFourConv { get; } = new("cnn-s-4conv", 1, 28, 28, 10,
    [
        LayerSpec.Conv(1, 8, 5), LayerSpec.MaxPool(2), LayerSpec.Act("tanh"),
        LayerSpec.Conv(8, 16, 2), LayerSpec.Act("tanh"),
        LayerSpec.Conv(16, 6, 2), LayerSpec.Act("tanh"),
        LayerSpec.Conv(6, 4, 4), LayerSpec.MaxPool(2), LayerSpec.Act("tanh"),
        LayerSpec.Flat(),
        LayerSpec.Dense(36, 20), LayerSpec.Act("tanh"),
        LayerSpec.Dense(20, 10),
    ]);

    /// <summary>
    /// CNN-s with a 1×1 residual convolution (<c>y = x + conv1x1(x)</c>) right after each of its three convolutions:
    /// 134 extra parameters (72 + 42 + 20), 2,598 in all.
    /// </summary>
    public static ArchitectureSpec CnnSmallResidual { get; } = new("cnn-s-residual", 1, 28, 28, 10,
    [
        LayerSpec.Conv(1, 8, 5), LayerSpec.Residual(8), LayerSpec.MaxPool(2), LayerSpec.Act("tanh"),
        LayerSpec.Conv(8, 6, 5), LayerSpec.Residual(6), LayerSpec.MaxPool(2), LayerSpec.Act("tanh"),
        LayerSpec.Conv(6, 4, 2), LayerSpec.Residual(4), LayerSpec.Act("tanh"),
        LayerSpec.Flat(),
        LayerSpec.Dense(36, 20), LayerSpec.Act("tanh"),
        LayerSpec.Dense(20, 10),
    ]);

    /// <summary>All built-in specs, by name.</summary>
    public static IReadOnlyDictionary<string, ArchitectureSpec> All { get; } =
        new Dictionary<string, ArchitectureSpec>(StringComparer.OrdinalIgnoreCase)
        {
            [CnnSmall.Name] = CnnSmall,
            [CnnLarge.Name] = CnnLarge,
            [CnnSmallFourConv.Name] = CnnSmallFourConv,
            [CnnSmallResidual.Name] = CnnSmallResidual,
        };

    /// <summary>Finds a built-in spec by name.</summary>
    /// <exception cref="ArchitectureException">No built-in spec has that name.</exception>
    public static ArchitectureSpec Get(string name) =>
        All.TryGetValue(name, out var spec)
            ? spec
            : throw new ArchitectureException(
                $"Unknown architecture '{name}'; built-in names are {string.Join(", ", All.Keys)}.");
}
