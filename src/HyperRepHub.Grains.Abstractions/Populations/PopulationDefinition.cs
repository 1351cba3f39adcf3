namespace HyperRepHub.Grains.Populations;

/// <summary>How a population is generated.</summary>
/// <param name="HyperRepresentationId">The hyper-representation to sample.</param>
/// <param name="Method">Sampling method.</param>
/// <param name="Count">Number of models, 1 to <see cref="MaxCount"/>.</param>
/// <param name="TopFraction">Fraction of best anchors (by test accuracy) to sample around, in (0, 1].</param>
/// <param name="Seed">Seed of the sampler.</param>
/// <param name="Bandwidth">KDE bandwidth, positive.</param>
/// <param name="ConditionZooId">A zoo the hyper-representation never saw, whose embeddings become the anchors.</param>
/// <param name="Evaluate">Whether to measure the generated models' test accuracy on the zoo's dataset.</param>
/// <param name="EvaluationTestImages">Test images to evaluate on, evenly spaced; 0 uses the whole test split.</param>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.Populations.PopulationDefinition")]
public sealed record PopulationDefinition(
    [property: Id(0)] string HyperRepresentationId,
    [property: Id(1)] SamplingMethod Method,
    [property: Id(2)] int Count,
    [property: Id(3)] double TopFraction,
    [property: Id(4)] long Seed,
    [property: Id(5)] double Bandwidth,
    [property: Id(6)] string? ConditionZooId,
    [property: Id(7)] bool Evaluate = false,
    [property: Id(8)] int EvaluationTestImages = 0)
{
    /// <summary>Largest population one request may generate.</summary>
    public const int MaxCount = 10_000;

    /// <summary>Returns the first invalid field as "field: problem and fix", or null when all are valid.</summary>
    public string? FindError()
    {
        if (Count is < 1 or > MaxCount)
        {
            return $"count: must be between 1 and {MaxCount}, got {Count}.";
        }

        if (!(TopFraction is > 0 and <= 1))
        {
            return $"top_fraction: must be in (0, 1], for example 0.3 for the top 30% of anchors; got {TopFraction}.";
        }

        if (EvaluationTestImages < 0)
        {
            return $"evaluate_test_images: must be 0 (the whole test split) or more, got {EvaluationTestImages}.";
        }

        return Bandwidth > 0 && double.IsFinite(Bandwidth)
            ? null
            : $"bandwidth: must be a positive number such as 0.002, got {Bandwidth}.";
    }
}
