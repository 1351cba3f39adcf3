namespace HyperRepHub.Core.Evaluation;

/// <summary>Summary of one quantity over a population (quantiles by linear interpolation, std with n - 1).</summary>
/// <param name="Count">Number of values.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Std">Sample standard deviation; 0 for a single value.</param>
/// <param name="Median">50th percentile.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Q05">5th percentile.</param>
/// <param name="Q25">25th percentile.</param>
/// <param name="Q75">75th percentile.</param>
/// <param name="Q95">95th percentile.</param>
public sealed record SummaryStatistics(
    int Count, double Mean, double Std, double Median, double Min, double Max,
    double Q05, double Q25, double Q75, double Q95)
{
    /// <summary>Summarises <paramref name="values"/>, which must not be empty.</summary>
    public static SummaryStatistics Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("Cannot summarise an empty population.", nameof(values));
        }

        double[] sorted = values.Order().ToArray();
        double mean = sorted.Average();
        double variance = sorted.Length > 1
            ? sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Length - 1)
            : 0;
        return new SummaryStatistics(sorted.Length, mean, Math.Sqrt(variance), Quantile(sorted, 0.5),
            sorted[0], sorted[^1], Quantile(sorted, 0.05), Quantile(sorted, 0.25), Quantile(sorted, 0.75),
            Quantile(sorted, 0.95));
    }

    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
