namespace HyperRepHub.Grains.Operations;

/// <summary>A snapshot of an operation: its state, progress and, once final, its result or error.</summary>
/// <param name="Id">Operation id (see <see cref="OperationIds"/>).</param>
/// <param name="Kind">Handler kind from the request.</param>
/// <param name="TargetId">Resource id from the request.</param>
/// <param name="State">Lifecycle state.</param>
/// <param name="Progress">Fraction done, 0 to 1.</param>
/// <param name="Step">Last step the handler reported.</param>
/// <param name="TotalSteps">Total steps the handler reported, 0 when unknown.</param>
/// <param name="Message">Last progress message.</param>
/// <param name="Metrics">Last reported metrics, for example <c>loss</c>.</param>
/// <param name="Error">Error message when <see cref="OperationState.Failed"/>, otherwise empty.</param>
/// <param name="ResultJson">
/// Handler result as JSON when <see cref="OperationState.Succeeded"/>, otherwise empty.
/// </param>
/// <param name="CreatedAt">When the operation was started.</param>
/// <param name="UpdatedAt">When this snapshot was taken.</param>
[GenerateSerializer, Immutable]
public sealed record OperationStatus(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string TargetId,
    [property: Id(3)] OperationState State,
    [property: Id(4)] double Progress,
    [property: Id(5)] long Step,
    [property: Id(6)] long TotalSteps,
    [property: Id(7)] string Message,
    [property: Id(8)] IReadOnlyDictionary<string, double> Metrics,
    [property: Id(9)] string Error,
    [property: Id(10)] string ResultJson,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset UpdatedAt)
{
    /// <summary>True for Succeeded, Failed and Cancelled, after which the status never changes.</summary>
    public bool IsFinal => State is OperationState.Succeeded or OperationState.Failed or OperationState.Cancelled;
}
