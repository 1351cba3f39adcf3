using HyperRepHub.Cli.Client;
using HyperRepHub.Cli.Demo;

namespace HyperRepHub.Cli.Tests;

public sealed class DemoReportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hyperrep-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static DemoResults Sample() => new(
        DemoSettings.Tiny,
        new DateTimeOffset(2026, 12, 4, 18, 0, 0, TimeSpan.Zero),
        "http://127.0.0.1:5080/",
        [
            new DemoRow("S_KDE30", "KDE top 30%", "mnist",
                new AccuracySummaryInfo(0, "mnist", 0.686, 0.067, 0.7, 0.5, 0.8),
                new AccuracySummaryInfo(1, "mnist", 0.837, 0.013, 0.84, 0.8, 0.86, 0.81, 0.83, 0.85, 0.859),
                0.9, 0.25, "pop-1"),
            new DemoRow("B_T", "trained zoo", "mnist", null, null, null, null, ""),
        ],
        [
            new LatentPoint("demo-mnist", "model-0000", 0, 0, 0.9),
            new LatentPoint("demo-fmnist", "model-0000", 1, 2, -1),
        ],
        new Dictionary<string, double> { ["r2"] = 0.5 },
        new Dictionary<string, double>());

    [Fact]
    public void ToMarkdown_Row_ShowsMeanPlusMinusStdInPercent()
    {
        var markdown = DemoReport.ToMarkdown(Sample());

        Assert.Contains("| S_KDE30 | mnist | 68.6 ± 6.7% | 83.7 ± 1.3% | 90.0% | 0.25 | KDE top 30% |", markdown);
        Assert.Contains("| B_T | mnist | n/a | n/a | n/a | n/a | trained zoo |", markdown);
        Assert.Contains("Hyper-representation (LWLN): r2 0.5.", markdown);
    }

    [Fact]
    public void Write_Results_WritesTableJsonAndTwoPngs()
    {
        var files = DemoReport.Write(Sample(), _directory);

        Assert.Equal(["accuracy.png", "latent.png", "results.json", "results.md"],
            files.Select(Path.GetFileName).Order());
        Assert.All(files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)),
            f => Assert.Equal((byte)137, File.ReadAllBytes(f)[0]));
        Assert.Contains("\"populationId\": \"pop-1\"", File.ReadAllText(Path.Combine(_directory, "results.json")));
    }

    [Fact]
    public void Quantile_FiveValues_InterpolatesLikeNumpy()
    {
        double[] sorted = [1, 2, 3, 4, 10];

        Assert.Equal(3, AccuracySummaries.Quantile(sorted, 0.5));
        Assert.Equal(2, AccuracySummaries.Quantile(sorted, 0.25));
        Assert.Equal(8.8, AccuracySummaries.Quantile(sorted, 0.95), 10);
    }

    [Fact]
    public void Project2D_PointsOnALine_PutAllVarianceOnFirstAxis()
    {
        var rows = Enumerable.Range(0, 5).Select(i => new float[] { i, 2 * i, 0 }).ToList();

        var projected = PrincipalComponents.Project2D(rows);

        Assert.Equal(Math.Sqrt(80), Math.Abs(projected[4].X - projected[0].X), 6);
        Assert.All(projected, p => Assert.Equal(0, p.Y, 6));
    }
}
