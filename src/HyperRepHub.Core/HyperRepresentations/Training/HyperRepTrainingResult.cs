namespace HyperRepHub.Core.HyperRepresentations.Training;

/// <summary>The outcome of a training run.</summary>
/// <param name="HyperRepresentation">The network with the lowest validation loss, with anchors of the training
/// split.</param>
/// <param name="History">Metrics of every epoch, including epochs run before a resume.</param>
/// <param name="StoppedEarly">Whether early stopping ended the run before the maximum number of epochs.</param>
public sealed record HyperRepTrainingResult(HyperRepresentation HyperRepresentation,
    IReadOnlyList<EpochProgress> History, bool StoppedEarly) : IDisposable
{
    /// <summary>
    /// The epoch whose network <see cref="HyperRepresentation"/> is: the best validation epoch when the best network
    /// is kept, otherwise the last one (0 before any epoch).
    /// </summary>
    public int KeptEpoch { get; init; }

    /// <summary>Disposes the hyper-representation's network and anchors.</summary>
    public void Dispose() => HyperRepresentation.Dispose();
}
