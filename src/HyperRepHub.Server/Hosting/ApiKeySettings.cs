namespace HyperRepHub.Server.Hosting;

/// <summary>
/// Accepted API keys, section <c>HyperRepHub:ApiKeys</c> (<c>HyperRepHub__ApiKeys__0</c>, <c>__1</c>, ...). With no
/// keys every call is accepted, which suits the loopback-only default.
/// </summary>
public sealed class ApiKeySettings
{
    /// <summary>The configuration section these settings bind to.</summary>
    public const string SectionName = "HyperRepHub:ApiKeys";

    /// <summary>The keys clients may send as <c>authorization: Bearer &lt;key&gt;</c>. Default: none.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>Whether calls must carry a key.</summary>
    public bool Required => Keys.Count > 0;
}
