namespace HyperRepHub.Grains.Operations;

/// <summary>Starts and finds operations from grains, services and tests.</summary>
public static class OperationGrainFactoryExtensions
{
    /// <summary>
    /// Starts a new operation and returns its first status, whose <see cref="OperationStatus.Id"/> callers hand
    /// back to clients. The call returns as soon as the operation is recorded; the handler runs afterwards.
    /// </summary>
    public static Task<OperationStatus> StartOperationAsync(
        this IGrainFactory grainFactory, OperationRequest request, OperationPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(grainFactory);
        ArgumentNullException.ThrowIfNull(request);
        var id = OperationIds.New(placement);
        return grainFactory.GetOperation(id).StartAsync(request);
    }

    /// <summary>Returns the grain of operation <paramref name="operationId"/>.</summary>
    /// <exception cref="ArgumentException">The id is not an operation id.</exception>
    public static IOperationGrain GetOperation(this IGrainFactory grainFactory, string operationId)
    {
        ArgumentNullException.ThrowIfNull(grainFactory);
        return grainFactory.GetGrain<IOperationGrain>(OperationIds.ToGrainId(operationId));
    }
}
