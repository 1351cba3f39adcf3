using System.Diagnostics;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Grains.Operations.Internal;
using HyperRepHub.Storage;
using Microsoft.Extensions.Logging;

namespace HyperRepHub.Grains.Operations;

/// <summary>
/// One operation: persists its status, runs its handler on the worker pool and pushes progress to watchers.
/// While it runs, a keep-alive timer flushes progress to state, so neither the 30 s response timeout (every call
/// returns at once) nor idle collection ends it. A reminder re-activates the grain after a silo failure, and
/// activation restarts an unfinished run; the handler resumes from its last checkpoint.
/// </summary>
internal abstract partial class OperationGrainBase(
    IPersistentState<OperationGrainState> state,
    OperationHandlerRegistry handlers,
    OperationWorkerPool workers,
    ICheckpointStore checkpoints,
    OperationOptions options,
    ILogger logger) : Grain, IOperationGrain, IRemindable
{
    private const string ResumeReminder = "resume";

    // How long deactivation waits for a cancelled handler to stop, so it saves no checkpoint after a new activation
    // on another silo has resumed; Orleans allows 30 s for deactivation by default.
    private static readonly TimeSpan HandlerStopTimeout = TimeSpan.FromSeconds(10);

    private StatusBroadcast? _status;
    private OperationRun? _run;
    private Task _runTask = Task.CompletedTask;
    private IGrainTimer? _flushTimer;

    private string OperationId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Status is { } persisted)
        {
            _status = new StatusBroadcast(persisted);
            if (!persisted.IsFinal && state.State.Request is not null)
            {
                Log.Resuming(logger, OperationId, persisted.State, persisted.Step, state.State.Attempts + 1);
                await StartRunAsync();
            }
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_run is { } run && _status is { Latest.IsFinal: false })
        {
            // The state stays unfinished and the reminder stays registered, so the next activation resumes it.
            Log.Interrupted(logger, OperationId, reason.Description);
            run.Cancel(requestedByClient: false);
            await FlushAsync(CancellationToken.None);
            try
            {
                await _runTask.WaitAsync(HandlerStopTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                Log.HandlerStillRunning(logger, OperationId, HandlerStopTimeout);
            }
        }
    }

    public async Task<OperationStatus> StartAsync(OperationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Request is { } existing)
        {
            return existing == request
                ? _status!.Latest
                : throw new HubException(HubErrorKind.AlreadyExists,
                    $"Operation '{OperationId}' was already started as '{existing.Kind}' on '{existing.TargetId}'.");
        }

        if (!handlers.TryGet(request.Kind, out _))
        {
            throw HubException.InvalidArgument(
                "kind", $"no handler runs '{request.Kind}'; use one of: {string.Join(", ", handlers.Kinds)}.");
        }

        var now = DateTimeOffset.UtcNow;
        var status = new OperationStatus(OperationId, request.Kind, request.TargetId, OperationState.Pending, 0, 0, 0,
            "Waiting for a worker.", new Dictionary<string, double>(), string.Empty, string.Empty, now, now);
        state.State.Request = request;
        state.State.Status = status;
        await state.WriteStateAsync();
        _status = new StatusBroadcast(status);
        await this.RegisterOrUpdateReminder(ResumeReminder, options.ResumeReminderPeriod, options.ResumeReminderPeriod);
        await RecordInIndexAsync(status);
        await StartRunAsync();
        return _status.Latest;
    }

    public Task<OperationStatus> GetAsync() => Task.FromResult(RequireStatus().Latest);

    public Task<OperationStatus> CancelAsync()
    {
        var status = RequireStatus();
        if (!status.Latest.IsFinal && _run is { } run)
        {
            Log.CancelRequested(logger, OperationId);
            status.Update(current => current with { Message = "Cancellation requested." });
            run.Cancel(requestedByClient: true);
        }

        return Task.FromResult(status.Latest);
    }

    public IAsyncEnumerable<OperationStatus> WatchAsync(CancellationToken cancellationToken = default) =>
        RequireStatus().WatchAsync(cancellationToken);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Activation already restarted an unfinished run; a final operation no longer needs its reminder.
        if (_status is null or { Latest.IsFinal: true })
        {
            await UnregisterResumeReminderAsync();
        }
    }

    private StatusBroadcast RequireStatus() => _status ?? throw HubException.NotFound("Operation", OperationId);

    private async Task StartRunAsync()
    {
        state.State.Attempts++;
        await state.WriteStateAsync();
        var run = new OperationRun(OperationId, state.State.Request!, state.State.Attempts, _status!);
        _run = run;
        var period = options.ProgressFlushPeriod;
        _flushTimer = this.RegisterGrainTimer(
            FlushAsync, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
        _runTask = RunToEndAsync(run);
    }

    private async Task RunToEndAsync(OperationRun run)
    {
        var kindTag = new KeyValuePair<string, object?>("kind", run.Request.Kind);
        using var activity = OperationTelemetry.ActivitySource.StartActivity("operation.run");
        activity?.SetTag("operation.id", OperationId).SetTag("operation.kind", run.Request.Kind);
        if (await RunHandlerAsync(run, kindTag, activity) is { } final)
        {
            await CompleteAsync(run, final, kindTag);
        }
    }

    /// <summary>Runs the handler and returns how to finish the status; null when the grain deactivates.</summary>
    private async Task<Func<OperationStatus, OperationStatus>?> RunHandlerAsync(
        OperationRun run, KeyValuePair<string, object?> kindTag, Activity? activity)
    {
        handlers.TryGet(run.Request.Kind, out var handler);
        var context = new OperationContext(
            run, new OperationCheckpoints(checkpoints, OperationId, options.CheckpointsKept, logger), GrainFactory);
        try
        {
            var result = await workers.RunAsync(
                () => handler!.RunAsync(context, run.CancellationToken),
                () => StartedOnWorker(run, kindTag),
                run.CancellationToken);
            return current => current with
            {
                State = OperationState.Succeeded, Progress = 1, Message = "Succeeded.", ResultJson = result,
            };
        }
        catch (Exception) when (run.CancellationToken.IsCancellationRequested && !run.CancelRequested)
        {
            // The grain is deactivating: the state stays unfinished, so the next activation resumes the run.
            return null;
        }
        catch (OperationCanceledException) when (run.CancelRequested)
        {
            return current => current with { State = OperationState.Cancelled, Message = "Cancelled." };
        }
        catch (Exception exception)
        {
            Log.HandlerFailed(logger, exception, OperationId, run.Request.Kind, run.Request.TargetId);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            return current => current with
            {
                State = OperationState.Failed, Message = "Failed.", Error = exception.Message,
            };
        }
    }

    private void StartedOnWorker(OperationRun run, KeyValuePair<string, object?> kindTag)
    {
        Log.Started(logger, OperationId, run.Request.Kind, run.Request.TargetId, run.Attempt);
        OperationTelemetry.Started.Add(1, kindTag);
        run.MarkRunning();
    }

    private async Task CompleteAsync(
        OperationRun run, Func<OperationStatus, OperationStatus> final, KeyValuePair<string, object?> kindTag)
    {
        var status = _status!.Update(final);
        Log.Finished(logger, OperationId, status.State, status.Step);
        OperationTelemetry.Finished.Add(1, kindTag, new KeyValuePair<string, object?>("state", status.State));
        _flushTimer?.Dispose();
        _flushTimer = null;
        _run = null;
        run.Dispose();
        await FlushAsync(CancellationToken.None);
        await UnregisterResumeReminderAsync();
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var latest = _status!.Latest;
        var previous = state.State.Status;
        if (latest == previous)
        {
            return;
        }

        state.State.Status = latest;
        await state.WriteStateAsync(cancellationToken);
        if (previous is null || previous.State != latest.State)
        {
            await RecordInIndexAsync(latest);
        }
    }

    private Task RecordInIndexAsync(OperationStatus status) =>
        GrainFactory.GetGrain<IOperationIndexGrain>(IOperationIndexGrain.AllKey).RecordAsync(status);

    private async Task UnregisterResumeReminderAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
