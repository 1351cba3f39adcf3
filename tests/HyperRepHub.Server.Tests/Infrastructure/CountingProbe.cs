using System.Collections.Concurrent;

namespace HyperRepHub.Server.Tests.Infrastructure;

/// <summary>
/// What one server's <see cref="CountingHandler"/> did, observed without calling the operation grain, so a test can
/// wait for a step or the end without counting as grain activity.
/// </summary>
internal sealed class CountingProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _starts = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _completions = new();
    private readonly ConcurrentDictionary<(string, long), TaskCompletionSource> _steps = new();

    public void Started(string operationId, long resumedFrom) => StartSignal(operationId).TrySetResult(resumedFrom);

    public void Stepped(string operationId, long step) => StepSignal(operationId, step).TrySetResult();

    public void Completed(string operationId) => CompletionSignal(operationId).TrySetResult();

    /// <summary>Completes with the resumed-from step when a run of the operation starts on this server.</summary>
    public Task<long> WaitForStartAsync(string operationId) => StartSignal(operationId).Task;

    public Task WaitForStepAsync(string operationId, long step) => StepSignal(operationId, step).Task;

    public Task WaitForCompletionAsync(string operationId) => CompletionSignal(operationId).Task;

    private TaskCompletionSource<long> StartSignal(string id) =>
        _starts.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    private TaskCompletionSource CompletionSignal(string id) =>
        _completions.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    private TaskCompletionSource StepSignal(string id, long step) =>
        _steps.GetOrAdd((id, step), _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
}
