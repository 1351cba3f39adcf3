using HyperRepHub.Cli.Demo;

namespace HyperRepHub.Cli.Tests.Demo;

/// <summary>
/// The demo's whole pipeline in a tiny configuration through the real hub: zoo training, both hyper-representations,
/// every sampler, fine-tuning, ensembles, encoding and the written report, all over gRPC on loopback.
/// </summary>
public sealed class DemoPipelineTests(SpawnedHub hub) : IClassFixture<SpawnedHub>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private static readonly DemoSettings Settings = DemoSettings.Tiny with { Prefix = "test-demo" };

    [Fact]
    public async Task RunAsync_TinyPresetOnRealHub_ReportsEveryMethodAndWritesPlots()
    {
        using var client = hub.Connect();
        using var output = new TemporaryDirectory();
        var log = new StringWriter();

        var results = await new DemoPipeline(client, Settings, log).RunAsync(CancellationToken.None)
            .WaitAsync(Timeout);
        var files = DemoReport.Write(results, output.Path);

        string[] labels = ["B_T", "S_KDE30", "S_KDE30-coherent", "S_U", "S_Neigh", "B_KDE30", "S_KDE-F"];
        Assert.All(labels, label => Assert.Contains(results.Rows, row => row.Label == label));
        Assert.Contains(results.Rows, row => row.Label.EndsWith(" to F-MNIST", StringComparison.Ordinal));
        Assert.All(results.Rows, row =>
        {
            Assert.NotNull(row.Epoch0);
            Assert.NotNull(row.Epoch1);
            Assert.InRange(row.Epoch0!.Mean, 0, 1);
            Assert.InRange(row.Epoch1!.Mean, 0, 1);
        });
        Assert.All(results.Rows.Where(row => row.PopulationId.Length > 0 && !row.Label.Contains(" to ")),
            row => Assert.InRange(row.Ensemble ?? -1, 0, 1));
        Assert.Equal(Settings.ZooModels + Settings.UnseenZooModels, results.Latent.Count);
        Assert.All(results.Latent, point => Assert.True(double.IsFinite(point.X) && double.IsFinite(point.Y)));
        Assert.Contains("LwlnQuality", DemoReport.ToJson(results), StringComparison.OrdinalIgnoreCase);
        Assert.All(files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)),
            f => Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(f)[..4]));
    }

    [Fact]
    public async Task RunAsync_SecondRunWithSamePrefix_ReusesZoosAndHyperRepresentations()
    {
        using var client = hub.Connect();
        var settings = Settings with { Prefix = "test-demo-rerun" };
        await new DemoPipeline(client, settings, new StringWriter()).RunAsync(CancellationToken.None)
            .WaitAsync(Timeout);
        var log = new StringWriter();

        await new DemoPipeline(client, settings, log).RunAsync(CancellationToken.None).WaitAsync(Timeout);

        Assert.Contains($"zoo '{settings.ZooId}': reusing", log.ToString(), StringComparison.Ordinal);
        Assert.Contains($"hyper-representation '{settings.LwlnId}': reusing", log.ToString(), StringComparison.Ordinal);
    }
}
