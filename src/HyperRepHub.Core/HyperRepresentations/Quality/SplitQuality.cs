namespace HyperRepHub.Core.HyperRepresentations.Quality;

/// <summary>
/// Reconstruction quality on one zoo split. On the training split it shows how well the hyper-representation fits
/// the models its anchors come from. Samplers draw near those anchors, so sampled models inherit this fit.
/// </summary>
/// <param name="Checkpoints">Number of checkpoints reconstructed.</param>
/// <param name="R2">R² of the reconstruction over all parameters.</param>
/// <param name="OriginalAccuracy">Mean test-set accuracy of the original checkpoints, when a dataset was given.</param>
/// <param name="ReconstructedAccuracy">Mean test-set accuracy of the reconstructions, when a dataset was given.</param>
public sealed record SplitQuality(int Checkpoints, double R2, double? OriginalAccuracy, double? ReconstructedAccuracy)
{
    /// <summary>Reconstructed mean accuracy as a fraction of the originals' mean accuracy.</summary>
    public double? AccuracyRetention => OriginalAccuracy > 0 ? ReconstructedAccuracy / OriginalAccuracy : null;
}
