using HyperRepHub.Grains.Operations.Internal;
using HyperRepHub.Storage;

namespace HyperRepHub.Grains.Operations;

/// <summary>
/// The services a running <see cref="IOperationHandler"/> uses: its request, progress reporting and checkpoints.
/// </summary>
public sealed class OperationContext
{
    /// <summary>Blob container of operation checkpoints, named <c>{operation id}/checkpoint-{n}</c>.</summary>
    public const string CheckpointContainer = "operations";

    private readonly OperationRun _run;
    private readonly OperationCheckpoints _checkpoints;

    internal OperationContext(OperationRun run, OperationCheckpoints checkpoints, IGrainFactory grainFactory)
    {
        _run = run;
        _checkpoints = checkpoints;
        GrainFactory = grainFactory;
    }

    /// <summary>Id of the running operation.</summary>
    public string OperationId => _run.OperationId;

    /// <summary>The request the operation was started with.</summary>
    public OperationRequest Request => _run.Request;

    /// <summary>How many times this operation has been started: 1 at first, more after a silo failure.</summary>
    public int Attempt => _run.Attempt;

    /// <summary>Grain factory for calls to domain grains; never pass weights through them.</summary>
    public IGrainFactory GrainFactory { get; }

    /// <summary>
    /// Publishes progress to watchers at once and to grain state within a few seconds. Throws
    /// <see cref="OperationCanceledException"/> when cancellation was requested, so the handler stops here.
    /// </summary>
    /// <param name="step">Steps done so far.</param>
    /// <param name="totalSteps">Total steps, or 0 when unknown.</param>
    /// <param name="message">Short human-readable note, for example <c>epoch 3</c>.</param>
    /// <param name="metrics">Metrics at this step, for example <c>loss</c>; null keeps none.</param>
    public ValueTask ReportProgressAsync(
        long step, long totalSteps, string message = "", IReadOnlyDictionary<string, double>? metrics = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfNegative(totalSteps);
        _run.ReportProgress(step, totalSteps, message, metrics);
        _run.CancellationToken.ThrowIfCancellationRequested();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Streams <paramref name="content"/> to blob storage as this operation's newest checkpoint. It becomes the
    /// one <see cref="TryOpenLastCheckpointAsync"/> returns only once completely written.
    /// </summary>
    public Task SaveCheckpointAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return _checkpoints.SaveAsync(content, cancellationToken);
    }

    /// <summary>Opens the newest complete checkpoint of this operation, or returns null when there is none.</summary>
    public Task<Stream?> TryOpenLastCheckpointAsync(CancellationToken cancellationToken = default) =>
        _checkpoints.TryOpenLastAsync(cancellationToken);
}
