using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HyperRepHub.Grains.Operations.Internal;

/// <summary>Traces and metrics of operations, published under <see cref="OperationInstrumentation.Name"/>.</summary>
internal static class OperationTelemetry
{
    public const string Name = OperationInstrumentation.Name;

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Started =
        Meter.CreateCounter<long>("hyperrephub.operations.started", "{operation}", "Operation runs started.");

    public static readonly Counter<long> Finished = Meter.CreateCounter<long>(
        "hyperrephub.operations.finished", "{operation}", "Operations that reached a final state, by state.");

    public static readonly Counter<long> StepsReported = Meter.CreateCounter<long>(
        "hyperrephub.operations.steps", "{step}", "Progress steps reported by handlers; its rate is step throughput.");
}
