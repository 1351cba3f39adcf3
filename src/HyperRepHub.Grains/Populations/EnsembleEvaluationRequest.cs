namespace HyperRepHub.Grains.Populations;

/// <summary>The parameters of a <c>population.ensemble</c> operation, stored as its JSON.</summary>
/// <param name="PopulationId">The population whose models form the ensembles.</param>
/// <param name="Dataset">Dataset whose test images are used.</param>
/// <param name="Epoch">Weights to evaluate: 0 for the generated ones, otherwise a fine-tuning epoch.</param>
/// <param name="Sizes">Ensemble sizes to record, each at most the population's model count.</param>
/// <param name="TestImages">Use only the first this many test images; 0 uses all.</param>
public sealed record EnsembleEvaluationRequest(string PopulationId, string Dataset, int Epoch,
    IReadOnlyList<int> Sizes, int TestImages)
{
    /// <summary>The operation kind.</summary>
    public const string Kind = "population.ensemble";

    /// <summary>Random draws of members per ensemble size.</summary>
    public const int Draws = 5;
}
