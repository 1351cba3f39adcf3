namespace HyperRepHub.Core.Architectures;

/// <summary>
/// Where each parameter of an architecture sits in the flat weight vector: layer by layer, the weight in
/// PyTorch layout then the bias. For CNN-s the layer offsets are 0, 208, 1414, 1514 and 2254.
/// </summary>
public sealed class WeightLayout
{
    private WeightLayout(IReadOnlyList<ParameterLayer> layers, IReadOnlyList<int[]> shapes)
    {
        Layers = layers;
        ActivationShapes = shapes;
        ParameterCount = layers.Count == 0 ? 0 : layers[^1].Offset + layers[^1].Length;
    }

    /// <summary>Layers with parameters, in vector order.</summary>
    public IReadOnlyList<ParameterLayer> Layers { get; }

    /// <summary>Shape of one sample after each layer: <c>[C, H, W]</c> or <c>[features]</c>.</summary>
    public IReadOnlyList<int[]> ActivationShapes { get; }

    /// <summary>Length of the flat vector.</summary>
    public int ParameterCount { get; }

    /// <summary>Total number of neuron tokens.</summary>
    public int TokenCount => Layers.Sum(l => l.Neurons);

    /// <summary>Walks the layers, checks that each fits the previous output, and assigns offsets.</summary>
    /// <exception cref="ArchitectureException">A layer does not fit the shape it receives.</exception>
    public static WeightLayout Create(ArchitectureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.InputChannels <= 0 || spec.InputHeight <= 0 || spec.InputWidth <= 0 || spec.Classes <= 0)
        {
            throw new ArchitectureException(
                $"Architecture '{spec.Name}': input shape and classes must be positive, got " +
                $"[{spec.InputChannels}, {spec.InputHeight}, {spec.InputWidth}] and {spec.Classes} classes.");
        }

        int[] shape = [spec.InputChannels, spec.InputHeight, spec.InputWidth];
        var layers = new List<ParameterLayer>();
        var shapes = new List<int[]>();
        int offset = 0;
        for (int i = 0; i < spec.Layers.Count; i++)
        {
            var layer = spec.Layers[i];
            shape = NextShape(spec.Name, i, layer, shape);
            shapes.Add(shape);
            if (layer.HasParameters)
            {
                var parameterLayer = CreateParameterLayer(i, layer, offset);
                layers.Add(parameterLayer);
                offset += parameterLayer.Length;
            }
        }

        if (shape.Length != 1 || shape[0] != spec.Classes)
        {
            throw new ArchitectureException(
                $"Architecture '{spec.Name}': the last layer outputs [{string.Join(", ", shape)}], " +
                $"expected [{spec.Classes}] logits.");
        }

        return new WeightLayout(layers, shapes);
    }

    private static ParameterLayer CreateParameterLayer(int index, LayerSpec layer, int offset) => layer.Kind switch
    {
        LayerKind.Conv2d => new ParameterLayer(index, layer.Kind,
            [layer.OutChannels, layer.InChannels, layer.KernelSize, layer.KernelSize], offset,
            layer.OutChannels, layer.InChannels * layer.KernelSize * layer.KernelSize),
        LayerKind.Residual1x1 => new ParameterLayer(index, layer.Kind,
            [layer.InChannels, layer.InChannels, 1, 1], offset, layer.InChannels, layer.InChannels),
        LayerKind.Linear => new ParameterLayer(index, layer.Kind,
            [layer.OutFeatures, layer.InFeatures], offset, layer.OutFeatures, layer.InFeatures),
        _ => throw new InvalidOperationException($"Layer kind {layer.Kind} has no parameters."),
    };

    private static int[] NextShape(string name, int index, LayerSpec layer, int[] shape)
    {
        string Where() => $"Architecture '{name}', layer {index} ({layer.Kind})";
        bool isImage = shape.Length == 3;
        switch (layer.Kind)
        {
            case LayerKind.Conv2d:
                Require(isImage && shape[0] == layer.InChannels && layer.OutChannels > 0 && layer.KernelSize > 0,
                    $"{Where()}: expects [{layer.InChannels}, H, W] input, got [{string.Join(", ", shape)}].");
                Require(shape[1] >= layer.KernelSize && shape[2] >= layer.KernelSize,
                    $"{Where()}: kernel {layer.KernelSize} is larger than the {shape[1]}x{shape[2]} input.");
                return [layer.OutChannels, shape[1] - layer.KernelSize + 1, shape[2] - layer.KernelSize + 1];
            case LayerKind.Residual1x1:
                Require(isImage && shape[0] == layer.InChannels,
                    $"{Where()}: expects [{layer.InChannels}, H, W] input, got [{string.Join(", ", shape)}].");
                return shape;
            case LayerKind.MaxPool2d:
                Require(isImage && layer.KernelSize > 0 && shape[1] >= layer.KernelSize,
                    $"{Where()}: needs an image input at least {layer.KernelSize} pixels high.");
                return [shape[0], shape[1] / layer.KernelSize, shape[2] / layer.KernelSize];
            case LayerKind.Flatten:
                return [shape.Aggregate(1, (a, b) => a * b)];
            case LayerKind.Linear:
                Require(shape.Length == 1 && shape[0] == layer.InFeatures && layer.OutFeatures > 0,
                    $"{Where()}: expects [{layer.InFeatures}] input, got [{string.Join(", ", shape)}].");
                return [layer.OutFeatures];
            case LayerKind.Activation:
                Require(ActivationFunctions.IsKnown(layer.Function),
                    $"{Where()}: unknown function '{layer.Function}'; use one of {ActivationFunctions.NamesText}.");
                return shape;
            case LayerKind.Dropout:
                Require(layer.Rate is >= 0 and < 1, $"{Where()}: rate must be in [0, 1), got {layer.Rate}.");
                return shape;
            default:
                throw new ArchitectureException($"{Where()}: unsupported layer kind.");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArchitectureException(message);
        }
    }
}
