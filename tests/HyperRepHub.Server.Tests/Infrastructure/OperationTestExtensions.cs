using System.Text.Json;
using Grpc.Core;
using HyperRepHub.Api.V1;
using HyperRepHub.Grains.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace HyperRepHub.Server.Tests.Infrastructure;

internal static class OperationTestExtensions
{
    public static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Registers the counting handler and its probe on a server under test.</summary>
    public static void AddCountingHandler(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CountingProbe>();
        builder.Services.AddOperationHandler<CountingHandler>();
    }

    public static async Task<string> StartCountingAsync(
        this HubServer server, int steps, int stepMilliseconds, string targetId = "zoo-test",
        OperationPlacement placement = OperationPlacement.Any)
    {
        var parameters = JsonSerializer.Serialize(new CountingParameters(steps, stepMilliseconds));
        var request = new OperationRequest(CountingHandler.KindName, targetId, parameters);
        var grains = server.GetService<IGrainFactory>();
        var status = await grains.StartOperationAsync(request, placement).WaitAsync(TestTimeout);
        return status.Id;
    }

    /// <summary>Reads the watch stream to its end and returns every operation state received.</summary>
    public static async Task<List<Operation>> WatchToEndAsync(
        this OperationService.OperationServiceClient client, string id)
    {
        using var cancellation = new CancellationTokenSource(TestTimeout);
        using var call = client.WatchOperation(
            new WatchOperationRequest { Id = id }, cancellationToken: cancellation.Token);
        var received = new List<Operation>();
        await foreach (var operation in call.ResponseStream.ReadAllAsync(cancellation.Token))
        {
            received.Add(operation);
        }

        return received;
    }
}
