namespace HyperRepHub.Core.FineTuning;

/// <summary>Test-set results of every model after one fine-tuning epoch (epoch 0 is before any update).</summary>
/// <param name="Epoch">Epochs of training done.</param>
/// <param name="TestLosses">Mean cross-entropy of each model.</param>
/// <param name="TestAccuracies">Accuracy of each model, a fraction in [0, 1].</param>
public sealed record FineTuneEpoch(int Epoch, IReadOnlyList<double> TestLosses, IReadOnlyList<double> TestAccuracies)
{
    /// <summary>Mean accuracy over the models.</summary>
    public double MeanAccuracy => TestAccuracies.Average();

    /// <summary>Mean loss over the models.</summary>
    public double MeanLoss => TestLosses.Average();
}
