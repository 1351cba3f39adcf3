using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.HyperRepresentations.Quality;
using HyperRepHub.Core.HyperRepresentations.Training;
using HyperRepHub.Core.Population;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.HyperRepresentations;

public sealed class QualityTests
{
    [Fact]
    public void Judge_ReconstructionsNearChance_SaysDoNotSample()
    {
        var (verdict, summary) = QualityEvaluator.Judge(0.2, original: 0.9, reconstructed: 0.11, chance: 0.1);

        Assert.Equal(QualityVerdict.AtChance, verdict);
        Assert.Contains("at chance", summary);
        Assert.Contains("Do not sample", summary);
    }

    [Theory]
    [InlineData(0.75, QualityVerdict.Good)]
    [InlineData(0.5, QualityVerdict.Degraded)]
    public void Judge_Retention_DecidesGoodOrDegraded(double reconstructed, QualityVerdict expected)
    {
        var (verdict, _) = QualityEvaluator.Judge(0.9, original: 0.9, reconstructed, chance: 0.1);

        Assert.Equal(expected, verdict);
    }

    [Fact]
    public void Judge_NegativeR2_IsAtChance()
    {
        var (verdict, _) = QualityEvaluator.Judge(-0.3, original: null, reconstructed: null, chance: 0.1);

        Assert.Equal(QualityVerdict.AtChance, verdict);
    }

    [Fact]
    public void PopulationAccuracy_TeacherLabels_TeacherScoresFull()
    {
        using var scope = NewDisposeScope();
        var architecture = BuiltInArchitectures.CnnSmall;
        var weights = SyntheticZoo.Weights(architecture, 3, seed: 8);
        var dataset = LabelledBy(architecture, weights.narrow(0, 0, 1), 300);

        var accuracies = PopulationAccuracy.Evaluate(architecture, weights, dataset);

        Assert.Equal(3, accuracies.Length);
        Assert.Equal(1.0, accuracies[0]);
        Assert.All(accuracies, a => Assert.InRange(a, 0, 1));
    }

    [Fact]
    public void Evaluate_WithBaseline_ReportsBothPerLayer()
    {
        var data = SyntheticZoo.CnnSmallData();
        var config = SyntheticZoo.TinyConfig with { Epochs = 2 };
        using var lwln = new HyperRepTrainer(data, config, SyntheticZoo.TemporaryDirectory()).Train();
        using var plain = new HyperRepTrainer(data, config with { LayerWiseNormalization = false },
            SyntheticZoo.TemporaryDirectory()).Train();
        var dataset = LabelledBy(data.Architecture, data.Test!.Weights.narrow(0, 0, 1), 200);

        var report = QualityEvaluator.Evaluate(lwln.HyperRepresentation, data.Test, dataset, plain.HyperRepresentation);

        Assert.True(report.LayerWiseNormalization);
        Assert.Equal(data.Test.Count, report.TestCheckpoints);
        Assert.Equal(5, report.LayerR2.Count);
        Assert.NotNull(report.OriginalAccuracy);
        Assert.NotNull(report.ReconstructedAccuracy);
        Assert.NotNull(report.Baseline);
        Assert.False(report.Baseline.LayerWiseNormalization);
        Assert.Equal(report.OriginalAccuracy, report.Baseline.OriginalAccuracy);
    }

    [Fact]
    public void Evaluate_InfiniteTestWeight_ThrowsNamingTheModel()
    {
        var data = SyntheticZoo.CnnSmallData();
        using var trained = new HyperRepTrainer(data, SyntheticZoo.TinyConfig with { Epochs = 1, AlignNeurons = true },
            SyntheticZoo.TemporaryDirectory()).Train();
        data.Test!.Weights[1, 5] = float.PositiveInfinity;

        var error = Assert.Throws<ArgumentException>(() =>
            QualityEvaluator.Evaluate(trained.HyperRepresentation, data.Test, dataset: null));

        Assert.Contains("test checkpoint of model 'test-0' at epoch 22", error.Message);
    }

    [Fact]
    public void LinearReference_TestRowsInTrainingSpan_ReconstructsExactly()
    {
        using var scope = NewDisposeScope();
        var basis = randn(3, 50, generator: new Generator(1));
        var train = randn(20, 3, generator: new Generator(2)).matmul(basis); // [20, 50]
        var test = randn(6, 3, generator: new Generator(3)).matmul(basis); // [6, 50]

        Assert.Equal(1.0, LinearReference.R2(train, test, components: 3), 4);
        Assert.True(LinearReference.R2(train, test, components: 1) < 0.9);
    }

    [Fact]
    public void LinearReference_UnrelatedTestRows_StaysNearOrBelowZero()
    {
        using var scope = NewDisposeScope();
        var train = randn(10, 400, generator: new Generator(4));
        var test = randn(10, 400, generator: new Generator(5));

        Assert.True(LinearReference.R2(train, test, components: 8) < 0.1);
    }

    [Fact]
    public void Evaluate_WithTrainingSplit_ReportsTrainingFitAndLinearReference()
    {
        var data = SyntheticZoo.CnnSmallData();
        using var trained = new HyperRepTrainer(data, SyntheticZoo.TinyConfig with { Epochs = 2 },
            SyntheticZoo.TemporaryDirectory()).Train();
        var dataset = LabelledBy(data.Architecture, data.Train.Weights.narrow(0, 0, 1), 200);

        var report = QualityEvaluator.Evaluate(trained.HyperRepresentation, data.Test!, dataset, train: data.Train);

        Assert.NotNull(report.Training);
        Assert.Equal(data.Train.Count, report.Training.Checkpoints);
        Assert.NotNull(report.Training.ReconstructedAccuracy);
        Assert.NotNull(report.LinearR2);
    }

    private static ImageDataset LabelledBy(ArchitectureSpec architecture, Tensor teacher, int count)
    {
        var images = randn([count, 1, 28, 28], generator: new Generator(21));
        var parameters = PopulationForward.Unflatten(architecture, teacher);
        var logits = PopulationForward.Forward(architecture, parameters, images);
        return new ImageDataset("synthetic", "test", images, logits[0].argmax(1), architecture.Classes);
    }
}
