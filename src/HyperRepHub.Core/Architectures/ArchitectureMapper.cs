using static TorchSharp.torch;

namespace HyperRepHub.Core.Architectures;

/// <summary>
/// Places the weights of one architecture into a variant of it, such as CNN-s into <c>cnn-s-4conv</c> or
/// <c>cnn-s-residual</c>. The values of all <see cref="LayerKind.Conv2d"/> layers, in flat-vector order, fill the
/// target's convolutions in order; linear layers are copied one to one; <see cref="LayerKind.Residual1x1"/> layers,
/// which the source lacks, are drawn fresh.
/// </summary>
/// <remarks>
/// When the convolutions have the same shapes (the residual variant) each is copied unchanged. When they differ (the
/// four-convolution variant) the values are re-distributed, so the network's function is not preserved: such weights
/// are a starting point for fine-tuning.
/// </remarks>
public static class ArchitectureMapper
{
    /// <summary>Maps weights <c>[N, P_source]</c> to <c>[N, P_target]</c>.</summary>
    /// <param name="source">Architecture of <paramref name="weights"/>.</param>
    /// <param name="weights">Flat vectors of the source architecture.</param>
    /// <param name="target">The variant to map into.</param>
    /// <param name="seed">Seed of the residual weights.</param>
    /// <param name="zeroResiduals">
    /// Whether residual weights and biases are 0, which makes <c>cnn-s-residual</c> compute exactly what CNN-s computes;
    /// otherwise they are drawn like <c>nn.Conv2d</c>'s default, U(-1/√channels, 1/√channels).
    /// </param>
    /// <exception cref="ArchitectureException">The convolutions hold different numbers of values or the linear layers differ.</exception>
    public static Tensor Map(ArchitectureSpec source, Tensor weights, ArchitectureSpec target, long seed,
        bool zeroResiduals = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        Check(source, target);
        long models = weights.shape[0];
        var sourceConv = ConcatenateKind(source, weights, LayerKind.Conv2d); // [N, conv values]
        var sourceLinear = source.Layout.Layers.Where(l => l.Kind == LayerKind.Linear).ToArray();
        var generator = new Generator((ulong)seed);
        var parts = new List<Tensor>();
        long convOffset = 0;
        int linearIndex = 0;
        foreach (var layer in target.Layout.Layers)
        {
            switch (layer.Kind)
            {
                case LayerKind.Conv2d:
                    parts.Add(sourceConv.narrow(1, convOffset, layer.Length));
                    convOffset += layer.Length;
                    break;
                case LayerKind.Linear:
                    var from = sourceLinear[linearIndex++];
                    parts.Add(weights.narrow(1, from.Offset, from.Length));
                    break;
                default:
                    double bound = zeroResiduals ? 0 : 1.0 / Math.Sqrt(layer.FanIn);
                    parts.Add(rand([models, layer.Length], generator: generator).mul_(2 * bound).sub_(bound));
                    break;
            }
        }

        return cat(parts, 1); // [N, P_target]
    }

    private static Tensor ConcatenateKind(ArchitectureSpec spec, Tensor weights, LayerKind kind) =>
        cat(spec.Layout.Layers.Where(l => l.Kind == kind).Select(l => weights.narrow(1, l.Offset, l.Length)).ToArray(),
            1);

    private static void Check(ArchitectureSpec source, ArchitectureSpec target)
    {
        static int ConvValues(ArchitectureSpec spec) =>
            spec.Layout.Layers.Where(l => l.Kind == LayerKind.Conv2d).Sum(l => l.Length);
        static long[][] LinearShapes(ArchitectureSpec spec) =>
            spec.Layout.Layers.Where(l => l.Kind == LayerKind.Linear).Select(l => l.WeightShape).ToArray();

        if (ConvValues(source) != ConvValues(target))
        {
            throw new ArchitectureException(
                $"Cannot map '{source.Name}' into '{target.Name}': their convolutions hold {ConvValues(source)} " +
                $"and {ConvValues(target)} values.");
        }

        var sourceShapes = LinearShapes(source);
        var targetShapes = LinearShapes(target);
        if (sourceShapes.Length != targetShapes.Length ||
            sourceShapes.Zip(targetShapes).Any(pair => !pair.First.SequenceEqual(pair.Second)))
        {
            throw new ArchitectureException(
                $"Cannot map '{source.Name}' into '{target.Name}': their linear layers have different shapes.");
        }
    }
}
