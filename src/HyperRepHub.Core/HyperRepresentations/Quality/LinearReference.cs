using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Quality;

/// <summary>
/// What a linear code of the same size achieves: principal components of the training split, fitted without the
/// test split. Reconstructing test checkpoints from the top D components (D = the latent dimension) gives a
/// reference R². When it is near 0, the test models share almost no structure with the training models that a
/// code of that size could capture, and a non-linear autoencoder trained on the same models rarely does better.
/// </summary>
public static class LinearReference
{
    /// <summary>
    /// R² of <paramref name="test"/> <c>[M, P]</c> reconstructed from the top <paramref name="components"/> principal
    /// components of <paramref name="train"/> <c>[N, P]</c>.
    /// </summary>
    public static double R2(Tensor train, Tensor test, int components)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(components);
        using var scope = NewDisposeScope();
        var fit = train.to(ScalarType.Float64);
        var mean = fit.mean([0], keepdim: true); // [1, P]
        var (_, _, vh) = linalg.svd(fit - mean, fullMatrices: false); // vh: [min(N, P), P]
        var basis = vh.narrow(0, 0, Math.Min(components, vh.shape[0])); // [D, P]
        var centred = test.to(ScalarType.Float64) - mean; // [M, P]
        var projected = centred.matmul(basis.t()).matmul(basis) + mean; // [M, P]
        return ReconstructionMetrics.R2(projected, test);
    }
}
