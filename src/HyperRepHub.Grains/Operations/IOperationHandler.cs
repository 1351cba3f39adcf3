namespace HyperRepHub.Grains.Operations;

/// <summary>
/// Runs operations of one <see cref="Kind"/>. Register with
/// <see cref="OperationServiceCollectionExtensions.AddOperationHandler{THandler}"/>. A handler runs on a worker
/// thread outside the grain scheduler, so TorchSharp code inside may run synchronously; a dispose scope must not
/// span an await because scopes are per thread.
/// </summary>
public interface IOperationHandler
{
    /// <summary>The operation kind this handler runs, for example <c>hyperrep.train</c>.</summary>
    string Kind { get; }

    /// <summary>
    /// Runs the operation to the end and returns its result as JSON. After a silo failure the operation runs
    /// again on another silo: resume from <see cref="OperationContext.TryOpenLastCheckpointAsync"/> when it
    /// returns a checkpoint. Throw <see cref="OperationCanceledException"/> (or let
    /// <see cref="OperationContext.ReportProgressAsync"/> throw it) once <paramref name="cancellationToken"/>
    /// is cancelled.
    /// </summary>
    Task<string> RunAsync(OperationContext context, CancellationToken cancellationToken);
}
