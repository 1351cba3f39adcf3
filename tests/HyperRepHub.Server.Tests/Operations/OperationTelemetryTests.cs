using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HyperRepHub.Grains.Operations;
using HyperRepHub.Server.Tests.Infrastructure;
using static HyperRepHub.Server.Tests.Infrastructure.OperationTestExtensions;

namespace HyperRepHub.Server.Tests.Operations;

[Collection(AzuriteCollection.Name)]
public sealed class OperationTelemetryTests(OperationServerFixture fixture)
    : IClassFixture<OperationServerFixture>, IDisposable
{
    private readonly ConcurrentQueue<(string Instrument, long Value, string? State)> _measurements = new();
    private readonly MeterListener _listener = new();

    [Fact]
    public async Task CountingJob_Succeeds_RecordsStartFinishAndSteps()
    {
        ListenToOperations();
        var probe = fixture.Server.GetService<CountingProbe>();

        var id = await fixture.Server.StartCountingAsync(steps: 4, stepMilliseconds: 1, targetId: "zoo-telemetry");
        await probe.WaitForCompletionAsync(id).WaitAsync(TestTimeout);
        var client = new HyperRepHub.Api.V1.OperationService.OperationServiceClient(fixture.Server.Channel);
        await client.WatchToEndAsync(id);

        Assert.Equal(1, Sum("hyperrephub.operations.started"));
        Assert.Equal(4, Sum("hyperrephub.operations.steps"));
        var finished = Assert.Single(_measurements, measurement => measurement.Instrument.EndsWith("finished"));
        Assert.Equal(nameof(OperationState.Succeeded), finished.State);
    }

    public void Dispose() => _listener.Dispose();

    private void ListenToOperations()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == OperationInstrumentation.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? kind = null;
            string? state = null;
            foreach (var tag in tags)
            {
                kind = tag.Key == "kind" ? tag.Value as string : kind;
                state = tag.Key == "state" ? tag.Value?.ToString() : state;
            }

            if (kind == CountingHandler.KindName)
            {
                _measurements.Enqueue((instrument.Name, value, state));
            }
        });
        _listener.Start();
    }

    private long Sum(string instrument) =>
        _measurements.Where(measurement => measurement.Instrument == instrument).Sum(measurement => measurement.Value);
}
