using HyperRepHub.Core.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Population;

/// <summary>
/// The forward pass of M models of one architecture at once. Parameters carry a leading model axis
/// (weight <c>[M, out, in, kh, kw]</c>, bias <c>[M, out]</c>). Convolutions run as one grouped convolution
/// with <c>groups = M</c> over activations <c>[B, M·C, H, W]</c> stored channels-last; linear layers run as batched
/// matrix products over <c>[M, B, features]</c>. Each model's output equals its own <c>nn.Sequential</c>.
/// </summary>
public static class PopulationForward
{
    /// <summary>Splits flat weight vectors <c>[M, P]</c> into per-layer weight and bias views.</summary>
    public static IReadOnlyList<(Tensor Weight, Tensor Bias)> Unflatten(ArchitectureSpec spec, Tensor flat)
    {
        var layout = spec.Layout;
        if (flat.dim() != 2 || flat.shape[1] != layout.ParameterCount)
        {
            throw new ArchitectureException(
                $"Expected weights of shape [models, {layout.ParameterCount}] for '{spec.Name}', " +
                $"got [{string.Join(", ", flat.shape)}].");
        }

        long models = flat.shape[0];
        var result = new List<(Tensor, Tensor)>(layout.Layers.Count);
        foreach (var layer in layout.Layers)
        {
            var weight = flat.narrow(1, layer.Offset, layer.WeightLength)
                .view([models, .. layer.WeightShape]);
            var bias = flat.narrow(1, layer.BiasOffset, layer.Neurons);
            result.Add((weight, bias));
        }

        return result;
    }

    /// <summary>
    /// Computes logits <c>[M, B, classes]</c>. <paramref name="input"/> is either one batch shared by all
    /// models, <c>[B, C, H, W]</c>, or one batch per model, <c>[M, B, C, H, W]</c>.
    /// </summary>
    public static Tensor Forward(
        ArchitectureSpec spec,
        IReadOnlyList<(Tensor Weight, Tensor Bias)> parameters,
        Tensor input,
        bool training = false)
    {
        long models = parameters.Count > 0 ? parameters[0].Weight.shape[0] : 1;
        Tensor x = PrepareInput(input, models); // [B, M·C, H, W]
        int p = 0;
        for (int i = 0; i < spec.Layers.Count; i++)
        {
            var layer = spec.Layers[i];
            bool hasParameters = layer.Kind is LayerKind.Conv2d or LayerKind.Residual1x1 or LayerKind.Linear;
            if (layer.Kind == LayerKind.Linear && x.dim() != 3)
            {
                throw new ArchitectureException($"Layer {i} is Linear but no Flatten comes before it.");
            }

            x = ApplyLayer(layer, hasParameters ? parameters[p++] : default, x, models, training);
        }

        return x;
    }

    /// <summary>
    /// Lays out <paramref name="input"/> (<c>[B, C, H, W]</c> shared by all models or <c>[M, B, C, H, W]</c>)
    /// as the grouped image <c>[B, M·C, H, W]</c> that the first layer of <see cref="ApplyLayer"/> takes.
    /// </summary>
    public static Tensor PrepareInput(Tensor input, long models) => ToGroupedImage(input, models);

    /// <summary>
    /// Applies one layer to the activations of M models: <c>[B, M·C, H, W]</c> before Flatten,
    /// <c>[M, B, features]</c> after it. <paramref name="parameters"/> is unused by layers without weights.
    /// </summary>
    public static Tensor ApplyLayer(LayerSpec layer, (Tensor Weight, Tensor Bias) parameters, Tensor x, long models,
        bool training)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var (w, b) = parameters;
        return layer.Kind switch
        {
            // [M, out, in, k, k] -> [M·out, in, k, k]: one group per model.
            LayerKind.Conv2d => nn.functional.conv2d(x, w.flatten(0, 1), b.flatten(), groups: models),
            LayerKind.Residual1x1 => x + nn.functional.conv2d(x, w.flatten(0, 1), b.flatten(), groups: models),
            LayerKind.MaxPool2d => nn.functional.max_pool2d(x, layer.KernelSize, layer.KernelSize),
            LayerKind.Activation => ActivationFunctions.Apply(layer.Function!, x),
            LayerKind.Dropout => nn.functional.dropout(x, layer.Rate, training),
            // [B, M·C, H, W] -> [B, M, C·H·W] -> [M, B, C·H·W], the per-model nn.Flatten order.
            LayerKind.Flatten => x.reshape(x.shape[0], models, -1).transpose(0, 1),
            // torch.baddbmm(bias, x, wT) raised a shape error in TorchSharp 0.107.0, so the bias is added after bmm.
            LayerKind.Linear => torch.bmm(x, w.transpose(1, 2)).add_(b.unsqueeze(1)), // [M, B, out]
            _ => throw new ArchitectureException($"Layer kind {layer.Kind} is not supported."),
        };
    }

    private static Tensor ToGroupedImage(Tensor input, long models)
    {
        // Channels-last storage ([B, H, W, M·C] in memory, seen as [B, M·C, H, W]) makes libtorch's grouped
        // convolutions and max pooling faster, and their outputs keep it. A CNN-s step of 30 models took half the time.
        if (input.dim() == 4)
        {
            // One batch shared by all models: repeat along channels, [B, C, H, W] -> [B, H, W, M·C].
            return input.permute(0, 2, 3, 1).repeat(1, 1, 1, models).permute(0, 3, 1, 2);
        }

        if (input.dim() == 5 && input.shape[0] == models)
        {
            // [M, B, C, H, W] -> [B, H, W, M, C] -> [B, H, W, M·C].
            var (batch, height, width) = (input.shape[1], input.shape[3], input.shape[4]);
            return input.permute(1, 3, 4, 0, 2).contiguous().view(batch, height, width, -1).permute(0, 3, 1, 2);
        }

        throw new ArgumentException(
            $"Expected input [B, C, H, W] or [{models}, B, C, H, W], got [{string.Join(", ", input.shape)}].",
            nameof(input));
    }
}
