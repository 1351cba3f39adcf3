using HyperRepHub.Core.Architectures;

namespace HyperRepHub.Core.Checkpoints;

/// <summary>One file tensor and where its values go in the flat weight vector.</summary>
internal sealed record TensorPlacement(SafetensorsTensorInfo Tensor, int Offset);

/// <summary>
/// Matches the tensors of a file to the <c>state_dict</c> keys of an architecture. A <c>module.</c> prefix, as
/// <c>nn.DataParallel</c> writes it, is ignored.
/// </summary>
internal static class ArchitectureTensorMatcher
{
    private const string DataParallelPrefix = "module.";

    /// <exception cref="CheckpointFormatException">A key is unknown, duplicated or missing, or a shape differs.</exception>
    public static IReadOnlyList<TensorPlacement> Match(
        IReadOnlyList<SafetensorsTensorInfo> tensors, ArchitectureSpec architecture)
    {
        var expected = ExpectedTensors(architecture);
        var placements = new List<TensorPlacement>(tensors.Count);
        var matchedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tensor in tensors)
        {
            string key = tensor.Name.StartsWith(DataParallelPrefix, StringComparison.Ordinal)
                ? tensor.Name[DataParallelPrefix.Length..]
                : tensor.Name;
            if (!expected.TryGetValue(key, out var parameter))
            {
                throw new CheckpointFormatException(
                    $"Tensor '{tensor.Name}' is not a parameter of architecture '{architecture.Name}', whose " +
                    $"keys are {string.Join(", ", expected.Keys)} (a '{DataParallelPrefix}' prefix is allowed).",
                    tensor.Name);
            }

            if (!matchedBy.TryAdd(key, tensor.Name))
            {
                throw new CheckpointFormatException(
                    $"Tensors '{matchedBy[key]}' and '{tensor.Name}' both name parameter '{key}'.", tensor.Name);
            }

            if (!tensor.Shape.SequenceEqual(parameter.Shape))
            {
                throw new CheckpointFormatException(
                    $"Tensor '{tensor.Name}' has shape {Format(tensor.Shape)}, but architecture '{architecture.Name}' " +
                    $"expects {Format(parameter.Shape)}.", tensor.Name);
            }

            placements.Add(new TensorPlacement(tensor, parameter.Offset));
        }

        foreach (var (key, parameter) in expected)
        {
            if (!matchedBy.ContainsKey(key))
            {
                throw new CheckpointFormatException(
                    $"Tensor '{key}' with shape {Format(parameter.Shape)} is missing. Architecture " +
                    $"'{architecture.Name}' has {expected.Count} tensors.", key);
            }
        }

        return placements;
    }

    private static Dictionary<string, (long[] Shape, int Offset)> ExpectedTensors(ArchitectureSpec architecture)
    {
        var expected = new Dictionary<string, (long[] Shape, int Offset)>(StringComparer.Ordinal);
        foreach (var layer in architecture.Layout.Layers)
        {
            expected[layer.WeightKey] = (layer.WeightShape, layer.Offset);
            expected[layer.BiasKey] = ([layer.Neurons], layer.BiasOffset);
        }

        return expected;
    }

    private static string Format(long[] shape) => $"[{string.Join(", ", shape)}]";
}
