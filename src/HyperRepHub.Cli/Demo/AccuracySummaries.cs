using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Demo;

/// <summary>Summarises a list of accuracies into the fields of the hub's population statistics.</summary>
public static class AccuracySummaries
{
    /// <summary>Returns mean, sample std, median, extremes and quantiles, or null for an empty list.</summary>
    public static AccuracySummaryInfo? Of(IReadOnlyList<double> values, int epoch, string dataset)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var mean = sorted.Average();
        var variance = sorted.Length > 1
            ? sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Length - 1)
            : 0;
        return new AccuracySummaryInfo(epoch, dataset, mean, Math.Sqrt(variance), Quantile(sorted, 0.5),
            sorted[0], sorted[^1], Quantile(sorted, 0.05), Quantile(sorted, 0.25), Quantile(sorted, 0.75),
            Quantile(sorted, 0.95));
    }

    /// <summary>Linear interpolation between closest ranks, as numpy's default quantile.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
