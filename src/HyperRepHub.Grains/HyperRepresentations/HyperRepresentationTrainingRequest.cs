namespace HyperRepHub.Grains.HyperRepresentations;

/// <summary>The parameters of a <c>hyperrep.train</c> operation, stored as its JSON.</summary>
/// <param name="HyperRepresentationId">The hyper-representation being trained.</param>
/// <param name="ZooId">The zoo to train on.</param>
/// <param name="Settings">Training options.</param>
public sealed record HyperRepresentationTrainingRequest(
    string HyperRepresentationId, string ZooId, HyperRepresentationSettings Settings)
{
    /// <summary>The operation kind.</summary>
    public const string Kind = "hyperrep.train";
}
