namespace HyperRepHub.Grains.Operations;

/// <summary>Persisted state of an operation grain: small metadata only, never weights.</summary>
[GenerateSerializer]
public sealed class OperationGrainState
{
    /// <summary>The request, or null before the operation was started.</summary>
    [Id(0)]
    public OperationRequest? Request { get; set; }

    /// <summary>The last flushed status, or null before the operation was started.</summary>
    [Id(1)]
    public OperationStatus? Status { get; set; }

    /// <summary>Runs started so far; above 1 after a restart from a silo failure.</summary>
    [Id(2)]
    public int Attempts { get; set; }
}
