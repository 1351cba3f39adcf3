using System.Collections.Concurrent;
using Grpc.Core;
using HyperRepHub.Api.V1;

namespace HyperRepHub.Cli.Tests;

/// <summary>
/// An OperationService whose watch calls follow a script: each call sends its list of states, optionally waits until
/// the client leaves, then either ends or aborts the HTTP/2 stream as a lost connection would.
/// </summary>
internal sealed class ScriptedOperationService(OperationScript script) : OperationService.OperationServiceBase
{
    public override async Task WatchOperation(
        WatchOperationRequest request, IServerStreamWriter<Operation> responseStream, ServerCallContext context)
    {
        script.Headers.Add(context.RequestHeaders.GetValue("authorization") ?? "");
        var step = script.Calls.TryDequeue(out var next) ? next : script.Fallback;
        foreach (var state in step.States)
        {
            var sent = state.Clone();
            sent.Id = request.Id;
            await responseStream.WriteAsync(sent);
        }

        if (step.Hang)
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }

        if (step.Drop)
        {
            // A reset stream can discard messages the client has not read yet, so wait until the test has seen
            // them (or a few seconds, for tests that do not signal) before dropping the connection.
            if (step.States.Count > 0)
            {
                await script.StatesSeen.WaitAsync(TimeSpan.FromSeconds(5));
            }

            context.GetHttpContext().Abort();
        }
    }

    public override Task<Operation> GetOperation(GetOperationRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.NotFound, $"Operation '{request.Id}' not found"));
}

/// <summary>
/// What one watch call sends, whether it then keeps the stream open until the client leaves, and whether it then
/// drops the connection.
/// </summary>
internal sealed record WatchStep(IReadOnlyList<Operation> States, bool Drop, bool Hang = false);

/// <summary>The responses to watch calls, in order; <see cref="Fallback"/> serves every later call.</summary>
internal sealed class OperationScript
{
    public ConcurrentQueue<WatchStep> Calls { get; } = new();

    public WatchStep Fallback { get; init; } = new([], Drop: true);

    public ConcurrentBag<string> Headers { get; } = [];

    /// <summary>Released by a test once it has read the states of a step that drops the stream.</summary>
    public SemaphoreSlim StatesSeen { get; } = new(0);

    public static Operation State(OperationState state, double progress) => new()
    {
        Kind = "zoo.train",
        TargetId = "zoo-a",
        State = state,
        Progress = progress,
        Done = state is OperationState.Succeeded or OperationState.Failed or OperationState.Cancelled,
    };
}
