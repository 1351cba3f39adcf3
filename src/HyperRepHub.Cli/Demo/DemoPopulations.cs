using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Demo;

public sealed partial class DemoPipeline
{
    /// <summary>A population the demo generates: table label, sampler and the source of its anchors.</summary>
    private sealed record PopulationPlan(string Label, string Description, string HyperRepId, string Method,
        double TopFraction, string ConditionZooId = "");

    private IReadOnlyList<PopulationPlan> Plans() =>
    [
        new("S_KDE30", "KDE on the top 30% anchors, LWLN", settings.LwlnId, "kde", 0.3),
        new("S_KDE30-coherent", "released-code KDE (one shared draw), top 30%, LWLN", settings.LwlnId,
            "kde-coherent", 0.3),
        new("S_U", "uniform in [-1, 1]^D, LWLN", settings.LwlnId, "uniform", 1.0),
        new("S_Neigh", "uniform in a 3-D UMAP of the anchors, LWLN", settings.LwlnId, "neighbour", 1.0),
        new("B_KDE30", "KDE on the top 30% anchors, plain MSE (no LWLN)", settings.MseId, "kde", 0.3),
        new("S_KDE-F", "KDE conditioned on the unseen Fashion-MNIST zoo, LWLN", settings.LwlnId, "kde", 1.0,
            settings.UnseenZooId),
    ];

    private async Task<IReadOnlyList<DemoRow>> GenerateAndFineTuneAsync(CancellationToken token)
    {
        var rows = new List<DemoRow>();
        foreach (var plan in Plans())
        {
            rows.Add(await RunPopulationAsync(plan, "mnist", token));
        }

        var best = rows.Where(row => row.Label.StartsWith("S_KDE30", StringComparison.Ordinal) || row.Label == "S_U"
                || row.Label == "S_Neigh")
            .MaxBy(row => row.Epoch0?.Mean ?? double.MinValue)!;
        log.WriteLine($"best population: {best.Label} ({best.PopulationId}); fine-tuning it on fashion-mnist");
        await FineTuneAsync(best.PopulationId, "fashion-mnist", token);
        var transfer = await client.GetStatisticsAsync(best.PopulationId, token);
        rows.Add(best with
        {
            Label = $"{best.Label} to F-MNIST",
            Description = $"{best.Description}; fine-tuned on Fashion-MNIST (transfer)",
            Dataset = "fashion-mnist",
            Epoch0 = Find(transfer, 0, "fashion-mnist"),
            Epoch1 = Find(transfer, 1, "fashion-mnist"),
            Ensemble = null,
        });
        return rows;
    }

    private async Task<DemoRow> RunPopulationAsync(PopulationPlan plan, string dataset, CancellationToken token)
    {
        log.WriteLine($"{plan.Label}: generating {settings.PopulationSize} models ({plan.Description})");
        var population = await client.GeneratePopulationAsync(new PopulationGeneration(plan.HyperRepId, plan.Method,
            settings.PopulationSize, plan.TopFraction, settings.Seed, plan.ConditionZooId), token);
        var sizes = new[] { 1, Math.Min(settings.EnsembleSize, settings.PopulationSize) }.Distinct().ToArray();
        await WaitAsync(await client.EvaluateEnsembleAsync(population.PopulationId, dataset, sizes, 0, token), token);
        await FineTuneAsync(population.PopulationId, dataset, token);
        var statistics = await client.GetStatisticsAsync(population.PopulationId, token);
        var ensemble = statistics.Ensemble.Where(point => point.Size == sizes[^1]).Select(p => (double?)p.Accuracy);
        return new DemoRow(plan.Label, plan.Description, dataset, Find(statistics, 0, dataset),
            Find(statistics, 1, dataset), ensemble.LastOrDefault(), statistics.NoveltyMean, population.PopulationId);
    }

    private async Task FineTuneAsync(string populationId, string dataset, CancellationToken token)
    {
        log.WriteLine($"population '{populationId}': fine-tuning 1 epoch on {dataset}");
        var operationId = await client.FineTuneAsync(new FineTuning(populationId, dataset, 1, settings.Seed,
            TrainImages: settings.TrainImages, TestImages: settings.TestImages), token);
        await WaitAsync(operationId, token);
    }

    private static AccuracySummaryInfo? Find(PopulationStatisticsInfo statistics, int epoch, string dataset) =>
        statistics.Accuracy.LastOrDefault(a => a.Epoch == epoch
            && (a.Dataset.Length == 0 || string.Equals(a.Dataset, dataset, StringComparison.OrdinalIgnoreCase)));

    private DemoRow TrainedZooRow(ZooInfo zoo) => new(
        "B_T",
        $"zoo models trained from random initialisation ({zoo.Models.Count} models)",
        zoo.Dataset,
        AccuracySummaries.Of(ZooAccuracies(zoo, 0), 0, zoo.Dataset),
        AccuracySummaries.Of(ZooAccuracies(zoo, 1), 1, zoo.Dataset),
        null,
        null,
        "");

    private static IReadOnlyList<double> ZooAccuracies(ZooInfo zoo, int epoch) =>
        zoo.Models.SelectMany(model => model.Checkpoints)
            .Where(checkpoint => checkpoint.Epoch == epoch && checkpoint.TestAccuracy >= 0)
            .Select(checkpoint => checkpoint.TestAccuracy)
            .ToList();
}
