namespace HyperRepHub.Grains.Operations;

/// <summary>Lifecycle state of an operation. Succeeded, Failed and Cancelled are final.</summary>
[GenerateSerializer]
public enum OperationState
{
    /// <summary>Accepted and waiting for a worker.</summary>
    Pending = 0,

    /// <summary>A handler is running it.</summary>
    Running = 1,

    /// <summary>The handler returned a result.</summary>
    Succeeded = 2,

    /// <summary>The handler threw; the status's error says why.</summary>
    Failed = 3,

    /// <summary>Cancelled on request before it finished.</summary>
    Cancelled = 4,
}
