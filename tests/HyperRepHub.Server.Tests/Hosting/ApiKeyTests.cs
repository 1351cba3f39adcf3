using Grpc.Core;
using Grpc.Health.V1;
using HyperRepHub.Api.V1;
using HyperRepHub.Server.Tests.Infrastructure;
using static HyperRepHub.Server.Tests.Infrastructure.OperationTestExtensions;

namespace HyperRepHub.Server.Tests.Hosting;

/// <summary>One server with two API keys configured, shared by the authentication tests.</summary>
public sealed class ApiKeyServerFixture(AzuriteFixture storage) : IAsyncLifetime
{
    public const string FirstKey = "test-key-one";
    public const string SecondKey = "test-key-two";

    internal HubServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await HubServer.StartAsync(storage, "keys-" + Guid.NewGuid().ToString("N")[..8],
            new Dictionary<string, string?>
            {
                ["HyperRepHub:ApiKeys:0"] = FirstKey,
                ["HyperRepHub:ApiKeys:1"] = SecondKey,
            });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[Collection(AzuriteCollection.Name)]
public sealed class ApiKeyTests(ApiKeyServerFixture fixture) : IClassFixture<ApiKeyServerFixture>
{
    private static readonly string UnknownId = "op-" + new string('0', 32);
    private readonly OperationService.OperationServiceClient _client = new(fixture.Server.Channel);

    [Fact]
    public async Task Call_WithoutKey_ReturnsUnauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await GetAsync(headers: null));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("authorization: Bearer", error.Status.Detail);
    }

    [Fact]
    public async Task Call_WithWrongKey_ReturnsUnauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await GetAsync(Bearer("test-key-three")));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Theory]
    [InlineData(ApiKeyServerFixture.FirstKey)]
    [InlineData(ApiKeyServerFixture.SecondKey)]
    public async Task Call_WithConfiguredKey_PassesAuthentication(string key)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await GetAsync(Bearer(key)));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task GrpcHealth_WithoutKey_ReturnsServing()
    {
        var client = new global::Grpc.Health.V1.Health.HealthClient(fixture.Server.Channel);

        var response = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + TestTimeout);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    private async Task<Operation> GetAsync(Metadata? headers) =>
        await _client.GetOperationAsync(
            new GetOperationRequest { Id = UnknownId }, headers, deadline: DateTime.UtcNow + TestTimeout);

    private static Metadata Bearer(string key) => new() { { "authorization", "Bearer " + key } };
}
