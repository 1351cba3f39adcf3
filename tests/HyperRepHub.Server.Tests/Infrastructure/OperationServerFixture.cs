
namespace HyperRepHub.Server.Tests.Infrastructure;

/// <summary>One server with the counting handler, shared by the operation service tests.</summary>
public sealed class OperationServerFixture(AzuriteFixture storage) : IAsyncLifetime
{
    internal HubServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await HubServer.StartAsync(
            storage, "ops-" + Guid.NewGuid().ToString("N")[..8], configure: builder => builder.AddCountingHandler());

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
