using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Losses;

/// <summary>
/// The normalised temperature-scaled cross-entropy (NT-Xent) of SimCLR. Rows i and i + B of the 2B projections
/// are two views of one sample. Each row's positive is its partner, and the other 2B - 2 rows are its negatives.
/// The loss is the mean over all 2B rows of the cross-entropy of cosine similarities divided by τ.
/// </summary>
public static class NtXentLoss
{
    /// <summary>Computes the loss of two views' projections, each <c>[B, K]</c>.</summary>
    public static Tensor Compute(Tensor first, Tensor second, double temperature)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        if (!first.shape.SequenceEqual(second.shape) || first.dim() != 2)
        {
            throw new ArgumentException(
                $"Both views must be [B, K] of one shape, got [{string.Join(", ", first.shape)}] and " +
                $"[{string.Join(", ", second.shape)}].", nameof(second));
        }

        long batch = first.shape[0];
        var projections = nn.functional.normalize(cat([first, second], 0), dim: 1); // [2B, K]
        var similarity = projections.matmul(projections.t()) / temperature; // [2B, 2B]
        var self = eye(2 * batch, dtype: ScalarType.Bool, device: first.device);
        similarity = similarity.masked_fill(self, double.NegativeInfinity);
        var partner = arange(2 * batch, device: first.device).add(batch).remainder(2 * batch); // [2B]
        return nn.functional.cross_entropy(similarity, partner);
    }
}
