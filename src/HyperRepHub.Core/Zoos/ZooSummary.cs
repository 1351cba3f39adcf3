namespace HyperRepHub.Core.Zoos;

/// <summary>Test accuracy of a zoo's models at their last recorded epoch, as fractions.</summary>
/// <param name="Epoch">The last epoch every model has recorded.</param>
/// <param name="Models">Number of models with metrics at that epoch.</param>
/// <param name="MeanTestAccuracy">Mean over models.</param>
/// <param name="StdTestAccuracy">Population standard deviation over models.</param>
/// <param name="MinTestAccuracy">Lowest model.</param>
/// <param name="MaxTestAccuracy">Highest model.</param>
public sealed record ZooSummary(
    int Epoch,
    int Models,
    double MeanTestAccuracy,
    double StdTestAccuracy,
    double MinTestAccuracy,
    double MaxTestAccuracy)
{
    /// <summary>Summarises the models' test accuracy at the last epoch all of them recorded; null if there is none.</summary>
    public static ZooSummary? Create(IReadOnlyCollection<ModelRecord> models)
    {
        if (models.Count == 0 || models.Any(m => m.Epochs.Count == 0))
        {
            return null;
        }

        int epoch = models.Min(m => m.Epochs[^1].Epoch);
        var accuracies = models.Select(m => m.MetricsAt(epoch)?.TestAccuracy).OfType<double>().ToArray();
        if (accuracies.Length == 0)
        {
            return null;
        }

        double mean = accuracies.Average();
        double std = Math.Sqrt(accuracies.Sum(a => (a - mean) * (a - mean)) / accuracies.Length);
        return new ZooSummary(epoch, accuracies.Length, mean, std, accuracies.Min(), accuracies.Max());
    }
}
