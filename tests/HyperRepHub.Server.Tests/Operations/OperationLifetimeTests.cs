using System.Text.Json;
using HyperRepHub.Api.V1;
using HyperRepHub.Server.Tests.Infrastructure;
using Orleans.Configuration;
using static HyperRepHub.Server.Tests.Infrastructure.OperationTestExtensions;

namespace HyperRepHub.Server.Tests.Operations;

/// <summary>
/// A job must outlive Orleans' response timeout and idle collection. Both are shortened here so that a 6-second
/// job spans three response timeouts and more than one collection age while nothing calls its grain.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OperationLifetimeTests(AzuriteFixture storage)
{
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CollectionAge = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Operation_OutlivesTimeoutAndCollection_Succeeds()
    {
        var settings = new Dictionary<string, string?> { ["HyperRepHub:Jobs:ProgressFlushPeriod"] = "00:00:01" };
        await using var server = await HubServer.StartAsync(
            storage, "life-" + Guid.NewGuid().ToString("N")[..8], settings, builder =>
            {
                builder.AddCountingHandler();
                builder.Services.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = ResponseTimeout);
                builder.Services.Configure<GrainCollectionOptions>(options =>
                {
                    options.CollectionQuantum = TimeSpan.FromSeconds(1);
                    options.CollectionAge = CollectionAge;
                });
            });
        var probe = server.GetService<CountingProbe>();
        var client = new OperationService.OperationServiceClient(server.Channel);

        var id = await server.StartCountingAsync(steps: 12, stepMilliseconds: 500);
        await probe.WaitForCompletionAsync(id).WaitAsync(TestTimeout);
        var final = (await client.WatchToEndAsync(id))[^1];

        Assert.Equal(OperationState.Succeeded, final.State);
        var result = JsonSerializer.Deserialize<CountingResult>(final.ResultJson)!;
        Assert.Equal(1, result.Attempt);
        Assert.Equal(0, result.ResumedFrom);
        Assert.Equal(12, result.StepsRun);
    }
}
