namespace HyperRepHub.Grains.Operations;

/// <summary>
/// A filter and page request for <see cref="IOperationIndexGrain.ListAsync"/>. A null filter matches every operation.
/// </summary>
/// <param name="Kind">Only operations of this kind.</param>
/// <param name="TargetId">Only operations on this resource.</param>
/// <param name="State">Only operations in this state.</param>
/// <param name="PageSize">At most this many operations, 1 to 1000.</param>
/// <param name="PageToken">Token from the previous page, or null for the first page.</param>
[GenerateSerializer, Immutable]
public sealed record OperationQuery(
    [property: Id(0)] string? Kind = null,
    [property: Id(1)] string? TargetId = null,
    [property: Id(2)] OperationState? State = null,
    [property: Id(3)] int PageSize = 100,
    [property: Id(4)] string? PageToken = null);

/// <summary>One page of operations, newest first.</summary>
/// <param name="Operations">The operations on this page.</param>
/// <param name="NextPageToken">Token for the next page, or null when this is the last one.</param>
[GenerateSerializer, Immutable]
public sealed record OperationPage(
    [property: Id(0)] IReadOnlyList<OperationStatus> Operations,
    [property: Id(1)] string? NextPageToken);
