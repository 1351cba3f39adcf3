using System.Text.Json.Serialization;

namespace HyperRepHub.Core.HyperRepresentations.Quality;

/// <summary>How far a hyper-representation's reconstructions can be trusted, in one word.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QualityVerdict>))]
public enum QualityVerdict
{
    /// <summary>Reconstructed models keep at least 80% of the originals' mean accuracy.</summary>
    Good,

    /// <summary>Reconstructed models are clearly better than chance but keep less than 80% of the accuracy.</summary>
    Degraded,

    /// <summary>Reconstructed models are at or near chance accuracy, or R² is not above 0: do not sample.</summary>
    AtChance,
}

/// <summary>
/// Reconstruction quality of a hyper-representation on the zoo's test split.
/// </summary>
/// <param name="LayerWiseNormalization">Whether the hyper-representation was trained with LWLN.</param>
/// <param name="TestCheckpoints">Number of test-split checkpoints reconstructed.</param>
/// <param name="R2">R² of the reconstruction over all parameters.</param>
/// <param name="LayerR2">R² per parameter layer, in vector order.</param>
/// <param name="OriginalAccuracy">Mean test-set accuracy of the original checkpoints, when a dataset was given.</param>
/// <param name="ReconstructedAccuracy">Mean test-set accuracy of the reconstructed checkpoints, when a dataset was
/// given.</param>
/// <param name="ChanceAccuracy">Accuracy of guessing, 1 / classes.</param>
/// <param name="Verdict">The one-word verdict.</param>
/// <param name="Summary">The verdict as a sentence a user can act on.</param>
/// <param name="Baseline">The same report for the baseline trained without LWLN, when one was given.</param>
/// <param name="Training">The same figures on the training split, when it was given.</param>
/// <param name="LinearR2">R² of the test split reconstructed by a linear code of the latent's size (principal
/// components of the training split), when the training split was given.</param>
public sealed record QualityReport(
    bool LayerWiseNormalization,
    int TestCheckpoints,
    double R2,
    IReadOnlyList<double> LayerR2,
    double? OriginalAccuracy,
    double? ReconstructedAccuracy,
    double ChanceAccuracy,
    QualityVerdict Verdict,
    string Summary,
    QualityReport? Baseline = null,
    SplitQuality? Training = null,
    double? LinearR2 = null)
{
    /// <summary>Reconstructed mean accuracy as a fraction of the originals' mean accuracy.</summary>
    public double? AccuracyRetention => OriginalAccuracy > 0 ? ReconstructedAccuracy / OriginalAccuracy : null;
}
