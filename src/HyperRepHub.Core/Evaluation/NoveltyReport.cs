namespace HyperRepHub.Core.Evaluation;

/// <summary>
/// How far each generated model is from its nearest training model, against the typical distance between two
/// training models. Ratios near 0 mean the generated models are copies of the zoo.
/// </summary>
/// <param name="NearestWeightDistance">Euclidean distance in weight space to the nearest training model.</param>
/// <param name="NearestWeightModel">Row of that nearest training model.</param>
/// <param name="NearestDisagreement">
/// Smallest fraction of test images on which the generated model and a training model predict different classes.
/// </param>
/// <param name="TypicalWeightDistance">Median weight-space distance between two distinct training models.</param>
/// <param name="TypicalDisagreement">Median prediction disagreement between two distinct training models.</param>
public sealed record NoveltyReport(
    IReadOnlyList<double> NearestWeightDistance,
    IReadOnlyList<int> NearestWeightModel,
    IReadOnlyList<double> NearestDisagreement,
    double TypicalWeightDistance,
    double TypicalDisagreement)
{
    /// <summary>Summary of the nearest weight distances.</summary>
    public SummaryStatistics WeightDistance => SummaryStatistics.Of(NearestWeightDistance.ToArray());

    /// <summary>Summary of the nearest prediction disagreements.</summary>
    public SummaryStatistics Disagreement => SummaryStatistics.Of(NearestDisagreement.ToArray());

    /// <summary>Median nearest weight distance over the typical one; 0 when the population copies the zoo.</summary>
    public double WeightRatio => TypicalWeightDistance > 0 ? WeightDistance.Median / TypicalWeightDistance : 0;

    /// <summary>Median nearest disagreement over the typical one; 0 when the population copies the zoo.</summary>
    public double DisagreementRatio => TypicalDisagreement > 0 ? Disagreement.Median / TypicalDisagreement : 0;
}
