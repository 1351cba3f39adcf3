using HyperRepHub.Grains.Operations;
using HyperRepHub.Grains.Operations.Internal;

namespace HyperRepHub.Grains.Tests.Operations;

public sealed class StatusBroadcastTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Watch_SlowReader_SkipsToLatestStatus()
    {
        var broadcast = new StatusBroadcast(NewStatus());
        await using var watcher = broadcast.WatchAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await watcher.MoveNextAsync().AsTask().WaitAsync(Timeout));

        for (var step = 1; step <= 10_000; step++)
        {
            broadcast.Update(status => status with { Step = step });
        }

        Assert.True(await watcher.MoveNextAsync().AsTask().WaitAsync(Timeout));
        Assert.Equal(10_000, watcher.Current.Step);
    }

    [Fact]
    public async Task Watch_FinalStatus_EndsEnumeration()
    {
        var broadcast = new StatusBroadcast(NewStatus());
        var watched = new List<OperationStatus>();
        var watching = Task.Run(async () =>
        {
            await foreach (var status in broadcast.WatchAsync(CancellationToken.None))
            {
                watched.Add(status);
            }
        });

        broadcast.Update(status => status with { State = OperationState.Succeeded });
        await watching.WaitAsync(Timeout);

        Assert.Equal(OperationState.Succeeded, watched[^1].State);
    }

    [Fact]
    public void Update_AfterFinalStatus_KeepsFinalStatus()
    {
        var broadcast = new StatusBroadcast(NewStatus());
        broadcast.Update(status => status with { State = OperationState.Cancelled });

        var latest = broadcast.Update(status => status with { State = OperationState.Running, Step = 7 });

        Assert.Equal(OperationState.Cancelled, latest.State);
        Assert.Equal(0, latest.Step);
    }

    [Fact]
    public async Task Watch_Cancelled_StopsWaiting()
    {
        var broadcast = new StatusBroadcast(NewStatus());
        using var cancellation = new CancellationTokenSource();
        await using var watcher = broadcast.WatchAsync(cancellation.Token).GetAsyncEnumerator();
        Assert.True(await watcher.MoveNextAsync().AsTask().WaitAsync(Timeout));

        var waiting = watcher.MoveNextAsync().AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Timeout));
    }

    private static OperationStatus NewStatus() =>
        new("op-" + Guid.NewGuid().ToString("N"), "test", "zoo-1", OperationState.Running, 0, 0, 10, string.Empty,
            new Dictionary<string, double>(), string.Empty, string.Empty, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
}
