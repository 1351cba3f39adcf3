namespace HyperRepHub.Core.Sampling;

/// <summary>What a population folder contains and how it was generated.</summary>
/// <param name="Architecture">Name of the architecture of every model.</param>
/// <param name="Files">Weight files, one per model, in population order.</param>
/// <param name="Source">Where the weights came from, for example the hyper-representation folder.</param>
/// <param name="Options">The sampler options, when the population was sampled.</param>
/// <param name="ConditioningZoo">The unseen zoo whose models were the anchors, if any.</param>
public sealed record PopulationManifest(
    string Architecture,
    IReadOnlyList<string> Files,
    string Source,
    SamplerOptions? Options = null,
    string? ConditioningZoo = null);
