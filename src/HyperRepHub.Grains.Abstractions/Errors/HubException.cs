namespace HyperRepHub.Grains.Errors;

/// <summary>
/// A request that a domain grain rejected on purpose. It crosses Orleans messages intact, so the gRPC layer can
/// turn <see cref="Kind"/> into a status code and pass <see cref="Exception.Message"/> to the client.
/// </summary>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.Errors.HubException")]
public sealed class HubException : Exception
{
    /// <summary>Creates an exception of the given kind.</summary>
    public HubException(HubErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary>Why the request was rejected.</summary>
    [Id(0)]
    public HubErrorKind Kind { get; private set; }

    /// <summary>Creates a <see cref="HubErrorKind.NotFound"/> error naming the kind of resource and its id.</summary>
    public static HubException NotFound(string resource, string id) =>
        new(HubErrorKind.NotFound, $"{resource} '{id}' was not found.");

    /// <summary>Creates a <see cref="HubErrorKind.InvalidArgument"/> error naming the field and the fix.</summary>
    public static HubException InvalidArgument(string field, string problemAndFix) =>
        new(HubErrorKind.InvalidArgument, $"Invalid {field}: {problemAndFix}");
}
