using HyperRepHub.Core.Evaluation;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Evaluation;

public sealed class NoveltyAnalysisTests
{
    [Fact]
    public void Measure_CopiesOfTraining_ReportZeroNovelty()
    {
        var dataset = TinyPopulation.Dataset(80, seed: 1);
        var training = TinyPopulation.Weights(8, seed: 2);
        var copies = training.index_select(0, tensor(new long[] { 5, 1, 1 }));

        var report = PopulationReport.Create(TinyPopulation.Spec, copies, training, dataset).Novelty;

        Assert.Equal(new[] { 5, 1, 1 }, report.NearestWeightModel);
        Assert.All(report.NearestWeightDistance, d => Assert.Equal(0, d, 4));
        Assert.All(report.NearestDisagreement, d => Assert.Equal(0, d, 10));
        Assert.Equal(0, report.WeightRatio, 4);
        Assert.Equal(0, report.DisagreementRatio, 10);
        Assert.True(report.TypicalWeightDistance > 1);
        Assert.True(report.TypicalDisagreement > 0.1);
    }

    [Fact]
    public void Measure_IndependentModels_ReportRatiosNearOne()
    {
        var dataset = TinyPopulation.Dataset(200, seed: 3);
        var training = TinyPopulation.Weights(30, seed: 4);
        var generated = TinyPopulation.Weights(10, seed: 5);

        var report = PopulationReport.Create(TinyPopulation.Spec, generated, training, dataset).Novelty;

        // Nearest of 30 independent models is closer than a typical pair, but far from a copy.
        Assert.InRange(report.WeightRatio, 0.4, 1.0);
        Assert.InRange(report.DisagreementRatio, 0.2, 1.0);
    }

    [Fact]
    public void Measure_OneTrainingModel_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => NoveltyAnalysis.Measure(
            zeros(2, 15), zeros(1, 15), zeros(2, 10, dtype: int64), zeros(1, 10, dtype: int64)));

        Assert.Contains("at least two training weights", error.Message);
    }
}
