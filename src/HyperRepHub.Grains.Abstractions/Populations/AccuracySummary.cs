namespace HyperRepHub.Grains.Populations;

/// <summary>Test accuracy of every model of a population at one fine-tuning epoch, summarised.</summary>
/// <param name="Epoch">0 is the generated weights before fine-tuning.</param>
/// <param name="Dataset">Dataset the accuracy was measured on.</param>
/// <param name="Mean">Mean accuracy, a fraction in [0, 1].</param>
/// <param name="Std">Standard deviation.</param>
/// <param name="Median">Median.</param>
/// <param name="Quantiles">Accuracy at the 0.05, 0.25, 0.75 and 0.95 quantiles.</param>
/// <param name="Min">Lowest accuracy.</param>
/// <param name="Max">Highest accuracy.</param>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.Populations.AccuracySummary")]
public sealed record AccuracySummary(
    [property: Id(0)] int Epoch,
    [property: Id(1)] string Dataset,
    [property: Id(2)] double Mean,
    [property: Id(3)] double Std,
    [property: Id(4)] double Median,
    [property: Id(5)] IReadOnlyList<double> Quantiles,
    [property: Id(6)] double Min,
    [property: Id(7)] double Max)
{
    /// <summary>The quantile levels of <see cref="Quantiles"/>.</summary>
    public static IReadOnlyList<double> QuantileLevels { get; } = [0.05, 0.25, 0.75, 0.95];

    /// <summary>Summarises per-model accuracies; quantiles interpolate linearly between order statistics.</summary>
    public static AccuracySummary FromAccuracies(int epoch, string dataset, IReadOnlyCollection<double> accuracies)
    {
        ArgumentOutOfRangeException.ThrowIfZero(accuracies.Count);
        var sorted = accuracies.Order().ToArray();
        double mean = sorted.Average();
        double variance = sorted.Sum(a => (a - mean) * (a - mean)) / Math.Max(1, sorted.Length - 1);
        return new AccuracySummary(epoch, dataset, mean, Math.Sqrt(variance), Quantile(sorted, 0.5),
            QuantileLevels.Select(q => Quantile(sorted, q)).ToArray(), sorted[0], sorted[^1]);
    }

    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
