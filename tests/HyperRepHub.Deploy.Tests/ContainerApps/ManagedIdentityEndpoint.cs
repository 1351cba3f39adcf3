using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace HyperRepHub.Deploy.Tests.ContainerApps;

/// <summary>
/// Stands in for the token endpoint Container Apps runs for an app's managed identities. Container Apps passes its
/// address and a shared secret to the app as IDENTITY_ENDPOINT and IDENTITY_HEADER. Azure.Identity then sends
/// <c>GET {IDENTITY_ENDPOINT}?api-version=2019-08-01&amp;resource=...&amp;client_id=...</c> with the secret in the
/// X-IDENTITY-HEADER header. The tokens are unsigned JWTs that only Azurite's basic OAuth check accepts.
/// </summary>
internal sealed class ManagedIdentityEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public ManagedIdentityEndpoint(string clientId)
    {
        ClientId = clientId;
        var port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        Endpoint = $"http://127.0.0.1:{port}/msi/token";
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The value Container Apps would put in IDENTITY_ENDPOINT.</summary>
    public string Endpoint { get; }

    /// <summary>The value Container Apps would put in IDENTITY_HEADER.</summary>
    public string Secret { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Client id of the only user-assigned identity this endpoint issues tokens for.</summary>
    public string ClientId { get; }

    /// <summary>Resources tokens were issued for, one entry per token.</summary>
    public ConcurrentQueue<string> IssuedFor { get; } = new();

    /// <summary>Requests rejected because of a wrong secret or client id.</summary>
    public ConcurrentQueue<string> Rejected { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving.WaitAsync(TimeSpan.FromSeconds(10));
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            await RespondAsync(context);
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var resource = request.QueryString["resource"] ?? "";
        var clientId = request.QueryString["client_id"];
        if (request.Headers["X-IDENTITY-HEADER"] != Secret || clientId != ClientId || resource.Length == 0)
        {
            Rejected.Enqueue($"{request.Url} client_id={clientId}");
            context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
            context.Response.Close();
            return;
        }

        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["access_token"] = UnsignedJwt(resource.TrimEnd('/'), expiresOn),
            ["expires_on"] = expiresOn.ToString(CultureInfo.InvariantCulture),
            ["resource"] = resource,
            ["token_type"] = "Bearer",
            ["client_id"] = ClientId,
        });
        IssuedFor.Enqueue(resource);
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }

    private string UnsignedJwt(string audience, long expiresOn)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new { alg = "RS256", typ = "JWT" };
        var payload = new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["iss"] = "https://sts.windows.net/00000000-0000-0000-0000-000000000001/",
            ["iat"] = now - 60,
            ["nbf"] = now - 60,
            ["exp"] = expiresOn,
            ["appid"] = ClientId,
            ["oid"] = ClientId,
        };
        var signature = Base64Url(Encoding.ASCII.GetBytes("unsigned"));
        return $"{Base64Url(JsonSerializer.SerializeToUtf8Bytes(header))}." +
            $"{Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload))}.{signature}";
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
