using Grpc.Core;

namespace HyperRepHub.Cli.Client;

/// <summary>
/// A failed hub call or invalid client input, with a one-line message that states what failed, on which value and
/// what to do. <see cref="Status"/> is the gRPC status code, or null when the client rejected the input itself.
/// </summary>
public sealed class HubClientException(string message, StatusCode? status = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The gRPC status code of the failed call, or null for a client-side error.</summary>
    public StatusCode? Status { get; } = status;

    /// <summary>Creates the one-line error for a failed <paramref name="action"/> on <paramref name="hub"/>.</summary>
    public static HubClientException FromRpc(RpcException error, string action, Uri hub)
    {
        var detail = string.IsNullOrWhiteSpace(error.Status.Detail) ? error.StatusCode.ToString() : error.Status.Detail;
        var hint = error.StatusCode switch
        {
            StatusCode.Unavailable =>
                $"the hub at {hub} is not reachable; start it with 'dotnet run --project src/HyperRepHub.Server' "
                + "or pass --hub URL",
            StatusCode.Unauthenticated => "pass a valid key with --api-key",
            StatusCode.PermissionDenied => "pass a key that is allowed this call with --api-key",
            StatusCode.DeadlineExceeded => "the hub did not answer in time; retry, or check its load",
            StatusCode.NotFound => "check the id, for example with 'hyperrep ops' or 'hyperrep stats'",
            _ => null,
        };
        var text = hint is null
            ? $"{action} failed: {TrimSentence(detail)}."
            : $"{action} failed: {TrimSentence(detail)}; {hint}.";
        return new HubClientException(text, error.StatusCode, error);
    }

    private static string TrimSentence(string text) => text.Trim().TrimEnd('.');
}
