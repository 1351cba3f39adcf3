using HyperRepHub.Core.Architectures;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Zoos;

/// <summary>
/// Converts between a flat weight vector and a PyTorch <c>state_dict</c> with <c>nn.Sequential</c> names
/// (<c>{layer}.weight</c>, <c>{layer}.bias</c>). Reading is strict: every key must be present with its exact shape.
/// </summary>
public static class StateDictMapper
{
    // DataParallel adds "module."; the released zoos' CNN class keeps its layers in "module_list".
    private static readonly string[] KnownPrefixes = ["module.", "module_list."];

    /// <summary>Splits a flat vector <c>[P]</c> into a state_dict of contiguous float32 tensors.</summary>
    public static Dictionary<string, Tensor> ToStateDict(ArchitectureSpec spec, Tensor flat)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var layout = spec.Layout;
        if (flat.dim() != 1 || flat.shape[0] != layout.ParameterCount)
        {
            throw new ArchitectureException(
                $"Expected a flat vector of {layout.ParameterCount} values for '{spec.Name}', " +
                $"got [{string.Join(", ", flat.shape)}].");
        }

        var result = new Dictionary<string, Tensor>(layout.Layers.Count * 2);
        foreach (var layer in layout.Layers)
        {
            result[layer.WeightKey] = flat.narrow(0, layer.Offset, layer.WeightLength)
                .view(layer.WeightShape).to(float32).contiguous();
            result[layer.BiasKey] = flat.narrow(0, layer.BiasOffset, layer.Neurons).to(float32).contiguous();
        }

        return result;
    }

    /// <summary>
    /// Concatenates a state_dict into a flat float32 vector <c>[P]</c> in layout order. A <c>module.</c> or
    /// <c>module_list.</c> key prefix is recognised and removed.
    /// </summary>
    /// <exception cref="ArchitectureException">A key is missing or extra, or a tensor has the wrong shape.</exception>
    public static Tensor ToFlat(ArchitectureSpec spec, IReadOnlyDictionary<string, Tensor> stateDict, string source)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(stateDict);
        var normalised = Normalise(stateDict, source);
        var expected = new HashSet<string>();
        var parts = new List<Tensor>();
        foreach (var layer in spec.Layout.Layers)
        {
            parts.Add(Take(normalised, layer.WeightKey, layer.WeightShape, source, expected));
            parts.Add(Take(normalised, layer.BiasKey, [layer.Neurons], source, expected));
        }

        var extra = normalised.Keys.Where(k => !expected.Contains(k)).Order().ToArray();
        if (extra.Length > 0)
        {
            throw new ArchitectureException(
                $"{source}: unexpected key '{extra[0]}' for architecture '{spec.Name}'" +
                (extra.Length > 1 ? $" (and {extra.Length - 1} more: {string.Join(", ", extra.Skip(1))})." : "."));
        }

        return cat(parts, 0); // [P]
    }

    private static Tensor Take(
        Dictionary<string, Tensor> stateDict, string key, long[] shape, string source, HashSet<string> expected)
    {
        expected.Add(key);
        if (!stateDict.TryGetValue(key, out var tensor))
        {
            throw new ArchitectureException(
                $"{source}: missing key '{key}' (expected shape [{string.Join(", ", shape)}]).");
        }

        if (!tensor.shape.SequenceEqual(shape))
        {
            throw new ArchitectureException(
                $"{source}: key '{key}' has shape [{string.Join(", ", tensor.shape)}], " +
                $"expected [{string.Join(", ", shape)}].");
        }

        return tensor.to(float32).flatten();
    }

    private static Dictionary<string, Tensor> Normalise(IReadOnlyDictionary<string, Tensor> stateDict, string source)
    {
        var result = new Dictionary<string, Tensor>(stateDict.Count);
        foreach (var (key, tensor) in stateDict)
        {
            var name = key;
            foreach (var prefix in KnownPrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    name = name[prefix.Length..];
                }
            }

            if (!result.TryAdd(name, tensor))
            {
                throw new ArchitectureException($"{source}: key '{key}' duplicates '{name}' once its prefix is removed.");
            }
        }

        return result;
    }
}
