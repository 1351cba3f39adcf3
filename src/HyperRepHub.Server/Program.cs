using HyperRepHub.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHyperRepHubTelemetry();
builder.AddHyperRepHubSilo();
builder.AddHyperRepHubGrpc();

var app = builder.Build();
app.MapHyperRepHubEndpoints();
app.Run();

/// <summary>The server's entry point; public so tests can host it with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
