namespace HyperRepHub.Grains.Errors;

/// <summary>Why a grain rejected a request; the gRPC layer maps each kind to one status code.</summary>
public enum HubErrorKind
{
    /// <summary>A field is invalid; the message names the field and the fix.</summary>
    InvalidArgument,

    /// <summary>The resource with the given id does not exist.</summary>
    NotFound,

    /// <summary>A resource with the given id, or different content under the same name, already exists.</summary>
    AlreadyExists,

    /// <summary>The resource is not in a state that allows the request, for example not trained yet.</summary>
    FailedPrecondition,

    /// <summary>The request is over a size limit; the message gives the size and the limit.</summary>
    ResourceExhausted,
}
