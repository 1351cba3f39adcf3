using HyperRepHub.Core.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Population;

/// <summary>
/// The forward pass of M models of one architecture at once. Parameters carry a leading model axis
/// (weight <c>[M, out, in, kh, kw]</c>, bias <c>[M, out]</c>). Convolutions run as one grouped convolution
/// with <c>groups = M</c> over activations laid out <c>[B, M·C, H, W]</c>; linear layers run as batched
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
        Tensor x = ToGroupedImage(input, models); // [B, M·C, H, W]
        bool flat = false;
        int p = 0;
        for (int i = 0; i < spec.Layers.Count; i++)
        {
            var layer = spec.Layers[i];
            switch (layer.Kind)
            {
                case LayerKind.Conv2d:
                {
                    var (w, b) = parameters[p++];
                    // [M, out, in, k, k] -> [M·out, in, k, k]: one group per model.
                    x = nn.functional.conv2d(x, w.flatten(0, 1), b.flatten(), groups: models);
                    break;
                }

                case LayerKind.Residual1x1:
                {
                    var (w, b) = parameters[p++];
                    x = x + nn.functional.conv2d(x, w.flatten(0, 1), b.flatten(), groups: models);
                    break;
                }

                case LayerKind.MaxPool2d:
                    x = nn.functional.max_pool2d(x, layer.KernelSize, layer.KernelSize);
                    break;
                case LayerKind.Activation:
                    x = ActivationFunctions.Apply(layer.Function!, x);
                    break;
                case LayerKind.Dropout:
                    x = nn.functional.dropout(x, layer.Rate, training);
                    break;
                case LayerKind.Flatten:
                {
                    long batch = x.shape[0];
                    // [B, M·C, H, W] -> [B, M, C·H·W] -> [M, B, C·H·W], the per-model nn.Flatten order.
                    x = x.reshape(batch, models, -1).transpose(0, 1);
                    flat = true;
                    break;
                }

                case LayerKind.Linear:
                {
                    var (w, b) = parameters[p++];
                    if (!flat)
                    {
                        throw new ArchitectureException($"Layer {i} is Linear but no Flatten comes before it.");
                    }

                    // torch.baddbmm(bias, x, wT) raised a shape error in TorchSharp 0.107.0, so the bias is added after bmm.
                    x = torch.bmm(x, w.transpose(1, 2)).add_(b.unsqueeze(1)); // [M, B, out]
                    break;
                }
            }
        }

        return x;
    }

    private static Tensor ToGroupedImage(Tensor input, long models)
    {
        if (input.dim() == 4)
        {
            // One batch shared by all models: repeat along channels, [B, C, H, W] -> [B, M·C, H, W].
            return models == 1 ? input : input.repeat(1, models, 1, 1);
        }

        if (input.dim() == 5 && input.shape[0] == models)
        {
            // [M, B, C, H, W] -> [B, M, C, H, W] -> [B, M·C, H, W].
            return input.transpose(0, 1).flatten(1, 2);
        }

        throw new ArgumentException(
            $"Expected input [B, C, H, W] or [{models}, B, C, H, W], got [{string.Join(", ", input.shape)}].",
            nameof(input));
    }
}
