using HyperRepHub.Core.HyperRepresentations;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling;

/// <summary>Chooses the anchors a sampler fits to and checks that they can be fitted.</summary>
public static class AnchorSelection
{
    /// <summary>
    /// Keeps the anchors whose accuracy is at or above the <c>(1 - topFraction)</c> quantile (linear interpolation,
    /// as NumPy's percentile), so 0.3 keeps the models at or above the 70th percentile. Returns <c>[n, D]</c>.
    /// </summary>
    public static Tensor SelectTop(AnchorSet anchors, double topFraction)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        if (topFraction is <= 0 or > 1)
        {
            throw new SamplingException($"TopFraction must be in (0, 1], got {topFraction}.");
        }

        if (anchors.Count == 0 || anchors.Accuracies.Count != anchors.Count || anchors.Embeddings.dim() != 2 ||
            anchors.Embeddings.shape[0] != anchors.Count)
        {
            throw new SamplingException(
                $"The anchor set is empty or inconsistent: {anchors.Count} ids, {anchors.Accuracies.Count} " +
                $"accuracies and embeddings of shape [{string.Join(", ", anchors.Embeddings.shape)}].");
        }

        double threshold = Quantile(anchors.Accuracies, 1 - topFraction);
        long[] kept = Enumerable.Range(0, anchors.Count)
            .Where(i => anchors.Accuracies[i] >= threshold)
            .Select(i => (long)i)
            .ToArray();
        return anchors.Embeddings.index_select(0, tensor(kept)).to(float32); // [n, D]
    }

    /// <summary>
    /// Throws <see cref="SamplingException"/> unless <paramref name="anchors"/> is a finite <c>[n, D]</c> matrix with
    /// at least <paramref name="minimumCount"/> rows and a non-zero spread on every dimension.
    /// </summary>
    public static void Validate(Tensor anchors, int minimumCount, string method)
    {
        if (anchors.dim() != 2 || anchors.shape[1] == 0)
        {
            throw new SamplingException(
                $"Anchors for '{method}' must be embeddings [N, D], got [{string.Join(", ", anchors.shape)}].");
        }

        if (anchors.shape[0] < minimumCount)
        {
            throw new SamplingException(
                $"Sampler '{method}' needs at least {minimumCount} anchors, got {anchors.shape[0]}; " +
                "raise the top fraction or add models to the zoo.");
        }

        using var scope = NewDisposeScope();
        if (!anchors.isfinite().all().item<bool>())
        {
            long bad = anchors.isfinite().logical_not().any(1).sum().item<long>();
            throw new SamplingException(
                $"{bad} anchor embeddings contain NaN or infinite values; re-encode the zoo or drop those models.");
        }

        var spread = anchors.amax(0) - anchors.amin(0); // [D]
        long[] flat = spread.le(0).nonzero().flatten().data<long>().ToArray();
        if (flat.Length > 0)
        {
            throw new SamplingException(
                $"Latent dimension(s) {string.Join(", ", flat.Take(10))} have zero spread over the " +
                $"{anchors.shape[0]} anchors, so '{method}' cannot fit a density there; use more or more varied anchors.");
        }
    }

    /// <summary>The <paramref name="q"/> quantile with linear interpolation between order statistics.</summary>
    public static double Quantile(IEnumerable<double> values, double q)
    {
        double[] sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("Cannot take a quantile of no values.", nameof(values));
        }

        double position = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
