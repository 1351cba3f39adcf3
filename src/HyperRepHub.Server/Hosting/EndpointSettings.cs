namespace HyperRepHub.Server.Hosting;

/// <summary>gRPC endpoint settings, section <c>HyperRepHub:Grpc</c>.</summary>
public sealed class GrpcEndpointSettings
{
    /// <summary>The configuration section these settings bind to.</summary>
    public const string SectionName = "HyperRepHub:Grpc";

    /// <summary>Port of the plain-text HTTP/2 gRPC endpoint; 0 picks a free port. Default 5080.</summary>
    public int Port { get; set; } = 5080;

    /// <summary>Largest single gRPC message the server accepts, in bytes. Default 4194304 (4 MiB).</summary>
    public int MaxReceiveMessageBytes { get; set; } = 4 * 1024 * 1024;
}

/// <summary>
/// HTTP/1.1 endpoint settings for <c>/healthz</c> and the Orleans dashboard, section <c>HyperRepHub:Http</c>.
/// </summary>
public sealed class HttpEndpointSettings
{
    /// <summary>The configuration section these settings bind to.</summary>
    public const string SectionName = "HyperRepHub:Http";

    /// <summary>Port of the HTTP/1.1 endpoint; 0 picks a free port. Default 5081.</summary>
    public int Port { get; set; } = 5081;

    /// <summary>Address both the gRPC and the HTTP endpoint bind to. Default <c>127.0.0.1</c>.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";
}
