namespace HyperRepHub.Grains.Operations;

/// <summary>No operation with the given id was ever started.</summary>
[GenerateSerializer]
public sealed class OperationNotFoundException : Exception
{
    /// <summary>Creates the exception for <paramref name="operationId"/>.</summary>
    public OperationNotFoundException(string operationId)
        : base($"Operation '{operationId}' was not found.")
    {
        OperationId = operationId;
    }

    /// <summary>The id that was looked up.</summary>
    [Id(0)]
    public string OperationId { get; }
}
