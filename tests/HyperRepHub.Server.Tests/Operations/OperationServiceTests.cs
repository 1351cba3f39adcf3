using Grpc.Core;
using HyperRepHub.Api.V1;
using HyperRepHub.Server.Tests.Infrastructure;
using static HyperRepHub.Server.Tests.Infrastructure.OperationTestExtensions;

namespace HyperRepHub.Server.Tests.Operations;

[Collection(AzuriteCollection.Name)]
public sealed class OperationServiceTests(OperationServerFixture fixture)
    : IClassFixture<OperationServerFixture>, IDisposable
{
    private readonly OperationService.OperationServiceClient _client = new(fixture.Server.Channel);
    private readonly CountingProbe _probe = fixture.Server.GetService<CountingProbe>();
    private readonly int _errorsBefore = fixture.Server.Errors.Count;

    /// <summary>Fails the test when the server logged an error while it ran.</summary>
    public void Dispose() => Assert.Empty(fixture.Server.Errors.Skip(_errorsBefore));

    [Fact]
    public async Task WatchOperation_CountingJob_StreamsToSuccess()
    {
        var id = await fixture.Server.StartCountingAsync(steps: 5, stepMilliseconds: 50);

        var received = await _client.WatchToEndAsync(id);

        var last = received[^1];
        Assert.Equal(OperationState.Succeeded, last.State);
        Assert.True(last.Done);
        Assert.Equal(1, last.Progress);
        Assert.Equal(5, last.Step);
        Assert.Contains("\"StepsRun\":5", last.ResultJson);
        Assert.All(received.Take(received.Count - 1), operation => Assert.False(operation.Done));
        var steps = received.Select(operation => operation.Step).ToList();
        Assert.Equal(steps.Order(), steps);
    }

    [Fact]
    public async Task CancelOperation_RunningJob_EndsCancelled()
    {
        var id = await fixture.Server.StartCountingAsync(steps: 100_000, stepMilliseconds: 10);
        await _probe.WaitForStepAsync(id, 2).WaitAsync(TestTimeout);

        var cancelled = await _client.CancelOperationAsync(new CancelOperationRequest { Id = id });
        var received = await _client.WatchToEndAsync(id);

        Assert.Equal(id, cancelled.Id);
        Assert.Equal(OperationState.Cancelled, received[^1].State);
        Assert.InRange(received[^1].Step, 2, 99_999);
    }

    [Fact]
    public async Task WatchOperation_Reconnect_StartsFromLatestState()
    {
        var id = await fixture.Server.StartCountingAsync(steps: 100_000, stepMilliseconds: 10);
        await _probe.WaitForStepAsync(id, 3).WaitAsync(TestTimeout);
        using (var first = _client.WatchOperation(new WatchOperationRequest { Id = id }))
        {
            Assert.True(await first.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TestTimeout));
        }

        await _probe.WaitForStepAsync(id, 20).WaitAsync(TestTimeout);
        using var second = _client.WatchOperation(new WatchOperationRequest { Id = id });
        Assert.True(await second.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TestTimeout));
        var resumed = second.ResponseStream.Current;
        await _client.CancelOperationAsync(new CancelOperationRequest { Id = id });

        Assert.Equal(OperationState.Running, resumed.State);
        Assert.True(resumed.Step >= 20, $"expected step 20 or later, got {resumed.Step}");
    }

    [Fact]
    public async Task GetOperation_UnknownId_ReturnsNotFound()
    {
        var id = "op-" + Guid.NewGuid().ToString("N");

        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await _client.GetOperationAsync(new GetOperationRequest { Id = id }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains(id, error.Status.Detail);
    }

    [Fact]
    public async Task GetOperation_MalformedId_ReturnsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await _client.GetOperationAsync(new GetOperationRequest { Id = "not-an-operation" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("Invalid id", error.Status.Detail);
    }

    [Fact]
    public async Task ListOperations_ByTarget_ReturnsOnlyTarget()
    {
        var target = "zoo-" + Guid.NewGuid().ToString("N");
        var id = await fixture.Server.StartCountingAsync(steps: 1, stepMilliseconds: 1, targetId: target);
        await fixture.Server.StartCountingAsync(steps: 1, stepMilliseconds: 1, targetId: "zoo-other");

        var page = await _client.ListOperationsAsync(new ListOperationsRequest { TargetId = target });

        var listed = Assert.Single(page.Operations);
        Assert.Equal(id, listed.Id);
        Assert.Equal(target, listed.TargetId);
        Assert.Empty(page.NextPageToken);
    }

    [Fact]
    public async Task ListOperations_HugePageSize_ReturnsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await _client.ListOperationsAsync(new ListOperationsRequest { PageSize = 5000 }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("page_size", error.Status.Detail);
    }
}
