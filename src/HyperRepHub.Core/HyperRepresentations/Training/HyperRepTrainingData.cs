using HyperRepHub.Core.Architectures;

namespace HyperRepHub.Core.HyperRepresentations.Training;

/// <summary>
/// What a hyper-representation trains on: the zoo's training split, the validation split for early stopping and
/// learning-rate reduction, and optionally the test split for the quality report.
/// </summary>
/// <param name="Architecture">The architecture of every checkpoint.</param>
/// <param name="Train">Training-split checkpoints; the layer statistics come from these alone.</param>
/// <param name="Validation">Validation-split checkpoints.</param>
/// <param name="Test">Test-split checkpoints, if any.</param>
/// <param name="ZooName">Name or path of the source zoo, recorded with the hyper-representation.</param>
public sealed record HyperRepTrainingData(ArchitectureSpec Architecture, WeightSet Train, WeightSet Validation,
    WeightSet? Test = null, string ZooName = "")
{
    /// <summary>Throws when a split does not fit the architecture.</summary>
    public void Validate()
    {
        Train.Validate(Architecture.ParameterCount, "train");
        Validation.Validate(Architecture.ParameterCount, "validation");
        Test?.Validate(Architecture.ParameterCount, "test");
        if (Validation.Count == 0)
        {
            throw new ArgumentException("The validation split is empty; early stopping and learning-rate " +
                "reduction need at least one validation checkpoint.");
        }
    }
}
