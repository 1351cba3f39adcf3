namespace HyperRepHub.Grains.Operations;

/// <summary>What an operation should do.</summary>
/// <param name="Kind">Handler kind, for example <c>hyperrep.train</c>; one registered handler runs each kind.</param>
/// <param name="TargetId">Id of the resource the operation works on, for example a zoo id.</param>
/// <param name="ParametersJson">Handler-specific parameters as JSON; small, never weights.</param>
[GenerateSerializer, Immutable]
public sealed record OperationRequest(
    [property: Id(0)] string Kind,
    [property: Id(1)] string TargetId,
    [property: Id(2)] string ParametersJson);
