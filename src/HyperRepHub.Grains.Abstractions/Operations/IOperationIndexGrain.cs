using HyperRepHub.Grains.Errors;
using Orleans.Concurrency;

namespace HyperRepHub.Grains.Operations;

/// <summary>
/// The list of operations, for listing and filtering. Use the key <see cref="AllKey"/>. Operation grains record
/// their status here on every state change, so the listed progress may lag behind <see cref="IOperationGrain"/>.
/// </summary>
public interface IOperationIndexGrain : IGrainWithStringKey
{
    /// <summary>The key of the one index grain.</summary>
    public const string AllKey = "all";

    /// <summary>Adds or replaces the entry of <paramref name="status"/>'s operation.</summary>
    Task RecordAsync(OperationStatus status);

    /// <summary>Returns the operations that match <paramref name="query"/>, newest first.</summary>
    /// <exception cref="HubException">InvalidArgument when the page size or page token is invalid.</exception>
    [ReadOnly]
    Task<OperationPage> ListAsync(OperationQuery query);
}
