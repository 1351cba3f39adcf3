namespace HyperRepHub.Grains.Populations;

/// <summary>The parameters of a <c>population.ensemble</c> operation, stored as its JSON.</summary>
/// <param name="PopulationId">The population whose models form the ensembles.</param>
/// <param name="Dataset">Dataset whose test images are classified, <c>mnist</c> or <c>fashion-mnist</c>.</param>
/// <param name="Sizes">Ensemble sizes to record, each between 1 and the population size.</param>
/// <param name="Epoch">Weights to use: 0 for the generated ones, n after n fine-tuning epochs.</param>
/// <param name="Draws">Random draws of distinct models averaged for each size.</param>
/// <param name="TestImages">Classify only the first this many test images; 0 uses all.</param>
public sealed record EnsembleEvaluationRequest(string PopulationId, string Dataset, IReadOnlyList<int> Sizes,
    int Epoch, int Draws = 5, int TestImages = 0)
{
    /// <summary>The operation kind.</summary>
    public const string Kind = "population.ensemble";
}
