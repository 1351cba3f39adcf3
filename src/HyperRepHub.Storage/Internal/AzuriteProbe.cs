using System.Net.Sockets;

namespace HyperRepHub.Storage.Internal;

/// <summary>What listens on a loopback port.</summary>
internal enum PortState
{
    /// <summary>Nothing listens there.</summary>
    Closed,

    /// <summary>An Azurite service of the expected kind.</summary>
    Azurite,

    /// <summary>Some other program.</summary>
    Other,
}

/// <summary>Checks whether an Azurite service listens on a loopback port, by the <c>Server</c> header of its response.</summary>
internal static class AzuriteProbe
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>Probes one port. <paramref name="service"/> is <c>Blob</c>, <c>Queue</c> or <c>Table</c>.</summary>
    public static async Task<PortState> ProbeAsync(int port, string service, CancellationToken cancellationToken)
    {
        try
        {
            // Any request gets an error response from Azurite, but one that carries "Server: Azurite-Blob/3.37.0".
            using var response = await Client.GetAsync($"http://127.0.0.1:{port}/devstoreaccount1", cancellationToken);
            bool isAzurite = response.Headers.Server.Any(product =>
                product.Product?.Name == $"Azurite-{service}");
            return isAzurite ? PortState.Azurite : PortState.Other;
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode:
            SocketError.ConnectionRefused })
        {
            return PortState.Closed;
        }
        catch (HttpRequestException)
        {
            return PortState.Other;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The client timed out: something accepted the connection but sent no HTTP response.
            return PortState.Other;
        }
    }
}
