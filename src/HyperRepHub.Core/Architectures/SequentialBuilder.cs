using TorchSharp;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Architectures;

/// <summary>
/// Builds the TorchSharp <c>nn.Sequential</c> of a spec, with the same <c>state_dict</c> names and shapes as the
/// PyTorch <c>nn.Sequential</c> of the same layers, and moves weights between it and the flat vector.
/// </summary>
public static class SequentialBuilder
{
    /// <summary>Builds the module with PyTorch's default initialisation.</summary>
    public static nn.Module<Tensor, Tensor> Build(ArchitectureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _ = spec.Layout;
        var modules = spec.Layers.Select((layer, i) => (i.ToString(), CreateModule(layer))).ToArray();
        return nn.Sequential(modules);
    }

    /// <summary>Copies a flat vector <c>[P]</c> into the module's parameters.</summary>
    public static void LoadFlat(nn.Module module, ArchitectureSpec spec, Tensor flat)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var noGrad = no_grad();
        var parameters = module.state_dict();
        foreach (var layer in spec.Layout.Layers)
        {
            parameters[layer.WeightKey].copy_(flat.narrow(0, layer.Offset, layer.WeightLength)
                .view(layer.WeightShape));
            parameters[layer.BiasKey].copy_(flat.narrow(0, layer.BiasOffset, layer.Neurons));
        }
    }

    /// <summary>Concatenates the module's parameters into a flat vector <c>[P]</c> in layout order.</summary>
    public static Tensor ToFlat(nn.Module module, ArchitectureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(module);
        var parameters = module.state_dict();
        var parts = spec.Layout.Layers
            .SelectMany(l => new[] { parameters[l.WeightKey].detach().flatten(), parameters[l.BiasKey].detach() })
            .ToArray();
        return cat(parts, 0); // [P]
    }

    private static nn.Module<Tensor, Tensor> CreateModule(LayerSpec layer) => layer.Kind switch
    {
        LayerKind.Conv2d => nn.Conv2d(layer.InChannels, layer.OutChannels, layer.KernelSize),
        LayerKind.Linear => nn.Linear(layer.InFeatures, layer.OutFeatures),
        LayerKind.MaxPool2d => nn.MaxPool2d(layer.KernelSize, layer.KernelSize),
        LayerKind.Flatten => nn.Flatten(),
        LayerKind.Dropout => nn.Dropout(layer.Rate),
        LayerKind.Residual1x1 => new Residual1x1(layer.InChannels),
        LayerKind.Activation => layer.Function switch
        {
            "tanh" => nn.Tanh(),
            "relu" => nn.ReLU(),
            "sigmoid" => nn.Sigmoid(),
            "gelu" => nn.GELU(),
            "leaky_relu" => nn.LeakyReLU(),
            _ => throw new ArchitectureException(
                $"Unknown activation '{layer.Function}'; use one of {ActivationFunctions.NamesText}."),
        },
        _ => throw new ArchitectureException($"Unsupported layer kind {layer.Kind}."),
    };
}
