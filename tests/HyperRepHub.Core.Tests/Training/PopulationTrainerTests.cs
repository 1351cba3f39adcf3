using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Training;

public sealed class PopulationTrainerTests
{
    private static readonly ArchitectureSpec Spec = BuiltInArchitectures.CnnSmall;

    [Theory]
    [InlineData(OptimizerKind.Adam, 0.0, 1, null)]
    [InlineData(OptimizerKind.Sgd, 0.9, 1, null)]
    [InlineData(OptimizerKind.Adam, 0.0, 2, null)]
    [InlineData(OptimizerKind.Adam, 0.0, 1, 2)]
    public void TrainEpoch_ThreeModels_EqualsTrainingEachAlone(OptimizerKind optimizer, double momentum, int workers,
        int? modelsPerPass)
    {
        var train = TestData.RandomImages(40, seed: 1);
        var test = TestData.RandomImages(16, seed: 2, "test");
        var config = TrainingPresets.Fast with { Optimizer = optimizer, Momentum = momentum, BatchSize = 10 };
        long[] seeds = [11, 12, 13];
        double[] learningRates = [1e-3, 3e-3, 1e-2];
        var hyperParameters = learningRates
            .Select(lr => new ModelHyperParameters(InitScheme.KaimingUniform, optimizer, lr, 10, momentum)).ToArray();
        var initial = stack(seeds.Select(s => WeightInitializer.Initialize(Spec, config, config.Init, s)).ToArray());
        using var state = new PopulationState(initial, seeds, hyperParameters);
        var population = new PopulationTrainer(Spec, train, test)
        {
            Workers = workers,
            ModelsPerPass = modelsPerPass,
        };

        population.TrainEpoch(state, 1, null, CancellationToken.None);
        population.TrainEpoch(state, 2, null, CancellationToken.None);

        var single = new SingleModelTrainer(Spec, train);
        for (int m = 0; m < seeds.Length; m++)
        {
            var alone = single.Train(initial[m], hyperParameters[m], seeds[m], epochs: 2);
            double difference = (alone - state.Weights[m].detach()).abs().max().item<float>();
            double moved = (alone - initial[m]).abs().max().item<float>();
            Assert.True(difference < 1e-4, $"model {m}: max difference {difference}");
            Assert.True(moved > 1e-3, $"model {m}: weights moved only {moved}");
        }
    }

    [Fact]
    public void Evaluate_PopulationWeights_MatchesSequentialModels()
    {
        var data = TestData.RandomImages(40, seed: 3);
        var config = TrainingPresets.Paper;
        var weights = stack(new long[] { 1, 2 }.Select(s =>
            WeightInitializer.Initialize(Spec, config, InitScheme.KaimingUniform, s)).ToArray());
        var trainer = new PopulationTrainer(Spec, data, data);

        var metrics = trainer.Evaluate(weights, onTestImages: true);

        using var model = SequentialBuilder.Build(Spec);
        SequentialBuilder.LoadFlat(model, Spec, weights[1]);
        model.eval();
        using var noGrad = no_grad();
        var logits = model.forward(data.Images);
        double loss = nn.functional.cross_entropy(logits, data.Labels).item<float>();
        double accuracy = logits.argmax(-1).eq(data.Labels).to(float64).mean().item<double>();
        Assert.Equal(loss, metrics[1].Loss, 4);
        Assert.Equal(accuracy, metrics[1].Accuracy, 10);
    }

    [Fact]
    public void Workers_Zero_Throws()
    {
        var data = TestData.RandomImages(4, seed: 4);

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new PopulationTrainer(Spec, data, data) { Workers = 0 });

        Assert.Equal("Workers", error.ParamName);
    }

    [Fact]
    public void PopulationState_DifferentBatchSizes_Throws()
    {
        var weights = zeros(2, Spec.ParameterCount);
        var hyperParameters = new[]
        {
            new ModelHyperParameters(InitScheme.Uniform01, OptimizerKind.Adam, 1e-3, 10),
            new ModelHyperParameters(InitScheme.Uniform01, OptimizerKind.Adam, 1e-3, 32),
        };

        var error = Assert.Throws<ArgumentException>(() => new PopulationState(weights, [1, 2], hyperParameters));

        Assert.Contains("only learning rates may differ", error.Message);
    }
}
