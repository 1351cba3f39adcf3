using System.Text.Json;
using HyperRepHub.Api.V1;
using HyperRepHub.Server.Tests.Infrastructure;
using Orleans.Configuration;
using static HyperRepHub.Server.Tests.Infrastructure.OperationTestExtensions;

namespace HyperRepHub.Server.Tests.Operations;

/// <summary>
/// Two full servers form one cluster through Azure Table clustering on Azurite. Stopping the silo that runs a job
/// must leave the job to the resume reminder, which re-activates it on the other silo from its last checkpoint.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OperationFailoverTests(AzuriteFixture storage)
{
    private const int Steps = 40;
    private const int StepsBeforeStop = 5;

    [Fact]
    public async Task Operation_RunningSiloStops_ResumesFromCheckpoint()
    {
        var cluster = "failover-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = await StartSiloAsync(cluster);
        await using var second = await StartSiloAsync(cluster);
        var probes = new[] { first.GetService<CountingProbe>(), second.GetService<CountingProbe>() };

        var id = await first.StartCountingAsync(Steps, stepMilliseconds: 250);
        var started = await Task.WhenAny(probes.Select(probe => probe.WaitForStartAsync(id))).WaitAsync(TestTimeout);
        var runningIndex = started == probes[0].WaitForStartAsync(id) ? 0 : 1;
        var (running, survivor) = runningIndex == 0 ? (first, second) : (second, first);
        await probes[runningIndex].WaitForStepAsync(id, StepsBeforeStop).WaitAsync(TestTimeout);
        await running.StopAsync();
        var resumedFrom = await probes[1 - runningIndex].WaitForStartAsync(id).WaitAsync(TestTimeout);
        await probes[1 - runningIndex].WaitForCompletionAsync(id).WaitAsync(TestTimeout);
        var final = (await new OperationService.OperationServiceClient(survivor.Channel).WatchToEndAsync(id))[^1];

        Assert.Equal(OperationState.Succeeded, final.State);
        var result = JsonSerializer.Deserialize<CountingResult>(final.ResultJson)!;
        Assert.Equal(2, result.Attempt);
        Assert.Equal(resumedFrom, result.ResumedFrom);
        Assert.True(result.ResumedFrom >= StepsBeforeStop, $"resumed from step {result.ResumedFrom}");
        Assert.Equal(Steps, result.ResumedFrom + result.StepsRun);
    }

    private Task<HubServer> StartSiloAsync(string cluster) =>
        HubServer.StartAsync(
            storage,
            cluster,
            new Dictionary<string, string?> { ["HyperRepHub:Jobs:ResumeReminderPeriod"] = "00:00:03" },
            builder =>
            {
                builder.AddCountingHandler();
                builder.Services.Configure<ReminderOptions>(options =>
                    options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            });
}
