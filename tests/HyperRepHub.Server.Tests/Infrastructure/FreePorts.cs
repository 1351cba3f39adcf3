using System.Net;
using System.Net.Sockets;

namespace HyperRepHub.Server.Tests.Infrastructure;

internal static class FreePorts
{
    /// <summary>Returns <paramref name="count"/> distinct ports that were free on 127.0.0.1 a moment ago.</summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(listener => listener.Start());
        var ports = listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        listeners.ForEach(listener => listener.Stop());
        return ports;
    }
}
