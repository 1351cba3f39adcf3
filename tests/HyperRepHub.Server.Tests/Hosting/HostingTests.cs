using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using HyperRepHub.Api.V1;
using HyperRepHub.Server.Tests.Infrastructure;
using static HyperRepHub.Server.Tests.Infrastructure.OperationTestExtensions;

namespace HyperRepHub.Server.Tests.Hosting;

[Collection(AzuriteCollection.Name)]
public sealed class HostingTests(OperationServerFixture fixture) : IClassFixture<OperationServerFixture>
{
    [Fact]
    public async Task Healthz_HttpEndpoint_ReturnsHealthy()
    {
        using var http = new HttpClient { Timeout = TestTimeout };

        var response = await http.GetAsync($"http://127.0.0.1:{fixture.Server.HttpPort}/healthz");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dashboard_HttpEndpoint_IsServed()
    {
        using var http = new HttpClient { Timeout = TestTimeout };

        var response = await http.GetAsync($"http://127.0.0.1:{fixture.Server.HttpPort}/dashboard/");

        Assert.True(response.IsSuccessStatusCode, $"status {response.StatusCode}");
    }

    [Fact]
    public async Task Healthz_GrpcEndpoint_IsNotServed()
    {
        using var http = new HttpClient { Timeout = TestTimeout };

        var response = await http.GetAsync($"http://127.0.0.1:{fixture.Server.GrpcPort}/healthz");

        Assert.False(response.IsSuccessStatusCode, $"status {response.StatusCode}");
    }

    [Fact]
    public async Task GrpcHealth_Check_ReturnsServing()
    {
        var client = new global::Grpc.Health.V1.Health.HealthClient(fixture.Server.Channel);

        var response = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + TestTimeout);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_ListServices_IncludesOperationService()
    {
        var client = new ServerReflection.ServerReflectionClient(fixture.Server.Channel);
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow + TestTimeout);

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(service => service.Name);
        Assert.Contains("hyperrephub.v1.OperationService", names);
    }
}
