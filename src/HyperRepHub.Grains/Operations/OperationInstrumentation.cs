namespace HyperRepHub.Grains.Operations;

/// <summary>
/// Names under which operations publish traces (<c>System.Diagnostics.ActivitySource</c>) and metrics
/// (<c>System.Diagnostics.Metrics.Meter</c>): runs started, runs finished by state, and progress steps.
/// </summary>
public static class OperationInstrumentation
{
    /// <summary>The name of both the activity source and the meter.</summary>
    public const string Name = "HyperRepHub.Operations";
}
