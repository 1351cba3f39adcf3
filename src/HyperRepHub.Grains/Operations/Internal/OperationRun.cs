namespace HyperRepHub.Grains.Operations.Internal;

/// <summary>One attempt at running an operation: its cancellation and the status its handler reports into.</summary>
internal sealed class OperationRun(
    string operationId, OperationRequest request, int attempt, StatusBroadcast status) : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    public string OperationId { get; } = operationId;

    public OperationRequest Request { get; } = request;

    public int Attempt { get; } = attempt;

    public StatusBroadcast Status { get; } = status;

    public CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>True once <see cref="Cancel"/> was called because a client asked, not because the silo stops.</summary>
    public bool CancelRequested { get; private set; }

    public void Cancel(bool requestedByClient)
    {
        CancelRequested |= requestedByClient;
        _cancellation.Cancel();
    }

    public void MarkRunning() =>
        Status.Update(current => current with { State = OperationState.Running, Message = "Running." });

    public void ReportProgress(
        long step, long totalSteps, string message, IReadOnlyDictionary<string, double>? metrics)
    {
        var progress = totalSteps > 0 ? Math.Clamp((double)step / totalSteps, 0, 1) : 0;
        Status.Update(current => current with
        {
            State = OperationState.Running,
            Step = step,
            TotalSteps = totalSteps,
            Progress = progress,
            Message = message,
            Metrics = metrics is null ? current.Metrics : new Dictionary<string, double>(metrics),
        });
        OperationTelemetry.StepsReported.Add(1, new KeyValuePair<string, object?>("kind", Request.Kind));
    }

    public void Dispose() => _cancellation.Dispose();
}
