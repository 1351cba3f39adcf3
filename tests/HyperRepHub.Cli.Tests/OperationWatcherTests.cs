using HyperRepHub.Api.V1;
using HyperRepHub.Cli.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HyperRepHub.Cli.Tests;

public sealed class OperationWatcherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static Task<TestHub> StartAsync(OperationScript script) => TestHub.StartAsync(
        app => app.MapGrpcService<ScriptedOperationService>(),
        services => services.AddSingleton(script));

    [Fact]
    public async Task WatchAsync_StreamDropped_ReconnectsAndEndsAtFinalState()
    {
        var script = new OperationScript();
        script.Calls.Enqueue(new WatchStep([OperationScript.State(OperationState.Running, 0.3)], Drop: true));
        script.Calls.Enqueue(new WatchStep(
            [OperationScript.State(OperationState.Running, 0.6), OperationScript.State(OperationState.Succeeded, 1)],
            Drop: false));
        await using var hub = await StartAsync(script);
        using var client = hub.Connect();
        var reconnects = new List<string>();
        var watcher = new OperationWatcher(client)
        {
            FirstDelay = TimeSpan.FromMilliseconds(10),
            Reconnecting = (_, reason) => reconnects.Add(reason),
        };

        var states = await Collect(watcher.WatchAsync("op-1", CancellationToken.None), script).WaitAsync(Timeout);

        Assert.Equal([0.3, 0.6, 1.0], states.Select(s => s.Progress));
        Assert.Equal(OperationStatus.Succeeded, states[^1].Status);
        Assert.Single(reconnects);
        Assert.All(states, s => Assert.Equal("op-1", s.Id));
    }

    private static async Task<List<OperationInfo>> Collect(IAsyncEnumerable<OperationInfo> states,
        OperationScript script)
    {
        var result = new List<OperationInfo>();
        await foreach (var state in states)
        {
            result.Add(state);
            script.StatesSeen.Release();
        }

        return result;
    }

    [Fact]
    public async Task WatchAsync_AlwaysDropped_ThrowsAfterMaxReconnects()
    {
        var script = new OperationScript();
        await using var hub = await StartAsync(script);
        using var client = hub.Connect();
        var watcher = new OperationWatcher(client) { MaxReconnects = 2, FirstDelay = TimeSpan.FromMilliseconds(10) };

        var error = await Assert.ThrowsAsync<HubClientException>(() =>
            watcher.WaitAsync("op-2").WaitAsync(Timeout));

        Assert.Contains("op-2", error.Message);
        Assert.Contains("2 reconnects", error.Message);
    }

    [Fact]
    public async Task WatchAsync_StreamEndsWithoutFinalState_WatchesAgain()
    {
        var script = new OperationScript();
        script.Calls.Enqueue(new WatchStep([OperationScript.State(OperationState.Pending, 0)], Drop: false));
        script.Calls.Enqueue(new WatchStep([OperationScript.State(OperationState.Failed, 0.5)], Drop: false));
        await using var hub = await StartAsync(script);
        using var client = hub.Connect();
        var watcher = new OperationWatcher(client) { FirstDelay = TimeSpan.FromMilliseconds(10) };

        var final = await watcher.WaitAsync("op-3").WaitAsync(Timeout);

        Assert.Equal(OperationStatus.Failed, final.Status);
        Assert.True(final.Done);
    }

    [Fact]
    public async Task Connect_WithApiKey_SendsBearerHeader()
    {
        var script = new OperationScript();
        script.Calls.Enqueue(new WatchStep([OperationScript.State(OperationState.Succeeded, 1)], Drop: false));
        await using var hub = await StartAsync(script);
        using var client = hub.Connect(apiKey: "secret-key");

        await new OperationWatcher(client).WaitAsync("op-4").WaitAsync(Timeout);

        Assert.Equal(["Bearer secret-key"], script.Headers);
    }

    [Fact]
    public async Task GetOperationAsync_NotFound_ThrowsOneLineErrorWithId()
    {
        await using var hub = await StartAsync(new OperationScript());
        using var client = hub.Connect();

        var error = await Assert.ThrowsAsync<HubClientException>(() =>
            client.GetOperationAsync("op-missing").WaitAsync(Timeout));

        Assert.Equal(Grpc.Core.StatusCode.NotFound, error.Status);
        Assert.Contains("'op-missing'", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
