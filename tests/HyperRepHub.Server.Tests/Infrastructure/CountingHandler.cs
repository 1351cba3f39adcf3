using System.Buffers.Binary;
using System.Text.Json;
using HyperRepHub.Grains.Operations;

namespace HyperRepHub.Server.Tests.Infrastructure;

/// <summary>Parameters of <see cref="CountingHandler"/>.</summary>
internal sealed record CountingParameters(int Steps, int StepMilliseconds);

/// <summary>Result of <see cref="CountingHandler"/>.</summary>
internal sealed record CountingResult(int Steps, long ResumedFrom, int Attempt, int StepsRun);

/// <summary>
/// A test-only operation that counts to <see cref="CountingParameters.Steps"/>, taking
/// <see cref="CountingParameters.StepMilliseconds"/> per step and saving the count as a checkpoint after each
/// step, so a restarted run continues where the last one stopped.
/// </summary>
internal sealed class CountingHandler(CountingProbe probe) : IOperationHandler
{
    public const string KindName = "test.count";

    public string Kind => KindName;

    public async Task<string> RunAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var parameters = JsonSerializer.Deserialize<CountingParameters>(context.Request.ParametersJson)!;
        var start = await ReadCheckpointAsync(context, cancellationToken);
        probe.Started(context.OperationId, start);
        var stepsRun = 0;
        for (var step = start + 1; step <= parameters.Steps; step++)
        {
            await Task.Delay(parameters.StepMilliseconds, cancellationToken);
            await SaveCheckpointAsync(context, step, cancellationToken);
            stepsRun++;
            await context.ReportProgressAsync(step, parameters.Steps, $"step {step}",
                new Dictionary<string, double> { ["count"] = step });
            probe.Stepped(context.OperationId, step);
        }

        var result = new CountingResult(parameters.Steps, start, context.Attempt, stepsRun);
        probe.Completed(context.OperationId);
        return JsonSerializer.Serialize(result);
    }

    private static async Task<long> ReadCheckpointAsync(OperationContext context, CancellationToken cancellationToken)
    {
        await using var stream = await context.TryOpenLastCheckpointAsync(cancellationToken);
        if (stream is null)
        {
            return 0;
        }

        var buffer = new byte[sizeof(long)];
        await stream.ReadExactlyAsync(buffer, cancellationToken);
        return BinaryPrimitives.ReadInt64LittleEndian(buffer);
    }

    private static Task SaveCheckpointAsync(OperationContext context, long step, CancellationToken cancellationToken)
    {
        var buffer = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, step);
        return context.SaveCheckpointAsync(new MemoryStream(buffer), cancellationToken);
    }
}
