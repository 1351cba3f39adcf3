namespace HyperRepHub.Cli.Client;

/// <summary>How to reach a hub.</summary>
/// <param name="Address">The hub's gRPC address, for example <c>http://127.0.0.1:5080</c>.</param>
/// <param name="ApiKey">Sent as <c>authorization: Bearer KEY</c> when set; null for a hub without keys.</param>
public sealed record HubConnectionOptions(Uri Address, string? ApiKey = null)
{
    /// <summary>The address of the hub that <c>dotnet run --project src/HyperRepHub.Server</c> starts.</summary>
    public static Uri LocalHub { get; } = new("http://127.0.0.1:5080");

    /// <summary>Size of each streamed chunk of an upload, in bytes: 1 MiB, well under the hub's 4 MiB limit.</summary>
    public int ChunkBytes { get; init; } = 1024 * 1024;

    /// <summary>Parses <paramref name="address"/>, rejecting anything but an absolute http or https URL.</summary>
    public static Uri ParseAddress(string address)
    {
        if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        throw new HubClientException(
            $"Invalid hub address '{address}': pass an http or https URL such as {LocalHub}.");
    }
}
