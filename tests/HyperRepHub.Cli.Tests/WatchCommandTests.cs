using System.Diagnostics;
using Grpc.Core;
using HyperRepHub.Api.V1;
using HyperRepHub.Cli.Client;
using HyperRepHub.Cli.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HyperRepHub.Cli.Tests;

public sealed class WatchCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("90s", 90_000)]
    [InlineData("10m", 600_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("00:00:02", 2_000)]
    public void TryParse_ValidDuration_ReturnsMilliseconds(string text, double milliseconds)
    {
        bool parsed = DurationParser.TryParse(text, out var duration);

        Assert.True(parsed);
        Assert.Equal(milliseconds, duration.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("ten minutes")]
    [InlineData("-5s")]
    [InlineData("5d")]
    [InlineData("-00:00:05")]
    public void TryParse_InvalidDuration_ReturnsFalse(string text)
    {
        bool parsed = DurationParser.TryParse(text, out _);

        Assert.False(parsed);
    }

    [Fact]
    public async Task WaitAsync_TimeoutPasses_ThrowsDeadlineExceeded()
    {
        await using var hub = await StartHangingHubAsync();
        using var client = hub.Connect();
        var watcher = new OperationWatcher(client) { Timeout = TimeSpan.FromMilliseconds(300) };

        var error = await Assert.ThrowsAsync<HubClientException>(
            () => watcher.WaitAsync("op-slow").WaitAsync(Timeout));

        Assert.Equal(StatusCode.DeadlineExceeded, error.Status);
        Assert.Contains("Timed out after 00:00:00.3000000", error.Message);
        Assert.Contains("running at 40%", error.Message);
        Assert.Contains("hyperrep watch op-slow", error.Message);
    }

    [Fact]
    public async Task WaitAsync_TokenCancelled_ThrowsOperationCanceled()
    {
        await using var hub = await StartHangingHubAsync();
        using var client = hub.Connect();
        var watcher = new OperationWatcher(client) { Timeout = TimeSpan.FromMinutes(10) };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var watch = watcher.WaitAsync("op-slow", cancellationToken: cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watch.WaitAsync(Timeout));
    }

    [Fact]
    public async Task Watch_TimeoutOption_ExitsOneWithMessage()
    {
        await using var hub = await StartHangingHubAsync();

        var (exitCode, _, error) = await HyperrepProcess.RunAsync(
            "watch", "op-slow", "--hub", hub.Address.ToString(), "--timeout", "1s");

        Assert.Equal(1, exitCode);
        Assert.Contains("error: Timed out after 00:00:01 waiting for operation 'op-slow'", error);
    }

    [Fact]
    public async Task Watch_InvalidTimeout_ExitsWithParseError()
    {
        var (exitCode, _, error) = await HyperrepProcess.RunAsync(
            "watch", "op-slow", "--hub", "http://127.0.0.1:1", "--timeout", "soon");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Invalid --timeout 'soon'", error);
    }

    [Fact]
    public async Task Watch_CtrlC_ExitsCleanlyWith130()
    {
        await using var hub = await StartHangingHubAsync();
        using var watch = HyperrepProcess.Start("watch", "op-slow", "--hub", hub.Address.ToString());
        await watch.WaitForErrorTextAsync("running", Timeout);

        using (var kill = Process.Start("kill", ["-INT", watch.Id.ToString()]))
        {
            await kill.WaitForExitAsync().WaitAsync(Timeout);
        }

        int exitCode = await watch.WaitForExitAsync(Timeout);

        Assert.Equal(130, exitCode);
        Assert.Contains("Cancelled; operations already started keep running on the hub.", watch.Error);
        Assert.DoesNotContain("error:", watch.Error);
    }

    private static async Task<TestHub> StartHangingHubAsync()
    {
        var script = new OperationScript
        {
            Fallback = new WatchStep([OperationScript.State(OperationState.Running, 0.4)], Drop: false, Hang: true),
        };
        return await TestHub.StartAsync(
            app => app.MapGrpcService<ScriptedOperationService>(),
            services => services.AddSingleton(script));
    }
}
