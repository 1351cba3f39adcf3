using HyperRepHub.Server.Grpc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using HyperRepHub.Server.Health;
using HyperRepHub.Server.Services;
using Orleans.Dashboard;

namespace HyperRepHub.Server.Hosting;

/// <summary>Wires Kestrel's two endpoints, the gRPC services and the HTTP/1.1 routes.</summary>
public static class GrpcHostingExtensions
{
    /// <summary>
    /// Adds gRPC with API-key and error interceptors, reflection and health checks, and binds Kestrel to a
    /// plain-text HTTP/2 endpoint for gRPC and an HTTP/1.1 endpoint for <c>/healthz</c> and the dashboard.
    /// Plain text cannot offer both protocols on one port, because HTTP/2 negotiation needs TLS.
    /// </summary>
    public static WebApplicationBuilder AddHyperRepHubGrpc(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var grpc = Bind<GrpcEndpointSettings>(builder, GrpcEndpointSettings.SectionName);
        var http = Bind<HttpEndpointSettings>(builder, HttpEndpointSettings.SectionName);
        var keys = builder.Configuration.GetSection(ApiKeySettings.SectionName).Get<string[]>() ?? [];
        if (grpc.MaxReceiveMessageBytes < 1)
        {
            throw new InvalidOperationException(
                $"Invalid HyperRepHub:Grpc:MaxReceiveMessageBytes {grpc.MaxReceiveMessageBytes}: it must be positive.");
        }

        builder.Services.AddSingleton(new ApiKeySettings { Keys = keys.Where(key => key.Length > 0).ToList() });
        builder.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = grpc.MaxReceiveMessageBytes;
            options.Interceptors.Add<ApiKeyInterceptor>();
            options.Interceptors.Add<ErrorInterceptor>();
        });
        builder.Services.AddHyperRepHubDomainApi(builder.Configuration);
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<SiloHealthCheck>("silo");

        var address = SiloHostingExtensions.ParseAddress(http.BindAddress, "HyperRepHub:Http:BindAddress");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, grpc.Port, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(address, http.Port, listen => listen.Protocols = HttpProtocols.Http1);
        });
        return builder;
    }

    /// <summary>
    /// Maps the gRPC services, reflection and gRPC health on the HTTP/2 endpoint, and <c>/healthz</c> and the
    /// Orleans dashboard (under <c>/dashboard</c>) on the HTTP/1.1 endpoint.
    /// </summary>
    public static WebApplication MapHyperRepHubEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcService<OperationService>();
        app.MapHyperRepHubDomainApi();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();

        var http = Bind<HttpEndpointSettings>(app, HttpEndpointSettings.SectionName);
        var healthz = app.MapHealthChecks("/healthz");
        var dashboard = app.MapOrleansDashboard("/dashboard");
        if (http.Port > 0)
        {
            healthz.RequireHost($"*:{http.Port}");
            dashboard.RequireHost($"*:{http.Port}");
        }

        return app;
    }

    private static T Bind<T>(IHostApplicationBuilder builder, string section) where T : new() =>
        builder.Configuration.GetSection(section).Get<T>() ?? new T();

    private static T Bind<T>(WebApplication app, string section) where T : new() =>
        app.Configuration.GetSection(section).Get<T>() ?? new T();
}
