using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Evaluation;
using HyperRepHub.Core.HyperRepresentations;
using HyperRepHub.Core.HyperRepresentations.Alignment;
using HyperRepHub.Core.HyperRepresentations.Augmentations;
using HyperRepHub.Core.HyperRepresentations.Training;
using HyperRepHub.Core.Population;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.HyperRepresentations;

public sealed class NeuronAlignmentTests
{
    public static TheoryData<string> Architectures() => new(BuiltInArchitectures.All.Keys);

    [Fact]
    public void Maximize_RandomMatrices_MatchesBruteForce()
    {
        var random = new Random(4);
        for (int trial = 0; trial < 20; trial++)
        {
            var similarity = new double[5, 5];
            for (int i = 0; i < 5; i++)
            {
                for (int j = 0; j < 5; j++)
                {
                    similarity[i, j] = random.NextDouble() * 10 - 5;
                }
            }

            var assignment = LinearAssignment.Maximize(similarity);

            Assert.Equal(5, assignment.Distinct().Count());
            Assert.Equal(BestTotal(similarity), Total(similarity, assignment), 9);
        }
    }

    [Fact]
    public void Maximize_NonSquare_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => LinearAssignment.Maximize(new double[2, 3]));

        Assert.Contains("square", error.Message);
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Align_PermutedReference_RecoversTheReference(string name)
    {
        using var scope = NewDisposeScope();
        var architecture = BuiltInArchitectures.Get(name);
        var reference = SyntheticZoo.Weights(architecture, 1, seed: 5);
        var permuted = new NeuronPermutation(architecture).Apply(reference, new Generator(8));

        var aligned = new NeuronAlignment(architecture).Align(permuted, reference[0]);

        Assert.False(permuted.allclose(reference));
        Assert.True(aligned.eq(reference).all().item<bool>());
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Align_OtherModels_KeepsEveryModelsOutputs(string name)
    {
        using var scope = NewDisposeScope();
        var architecture = BuiltInArchitectures.Get(name);
        var models = randn(3, architecture.ParameterCount, generator: new Generator(21));
        var reference = randn(architecture.ParameterCount, generator: new Generator(22));
        var input = randn([4, architecture.InputChannels, architecture.InputHeight, architecture.InputWidth],
            dtype: ScalarType.Float64, generator: new Generator(3));

        var aligned = new NeuronAlignment(architecture).Align(models, reference);

        Assert.False(aligned.allclose(models));
        var before = Logits(architecture, models.to(ScalarType.Float64), input);
        var after = Logits(architecture, aligned.to(ScalarType.Float64), input);
        Assert.True(after.allclose(before, rtol: 1e-9, atol: 1e-9));
        var gain = (aligned * reference).sum(1) - (models * reference).sum(1);
        Assert.True(gain.ge(0).all().item<bool>());
    }

    [Fact]
    public void Align_FlippedTanhNeuron_RestoresReference()
    {
        using var scope = NewDisposeScope();
        var architecture = BuiltInArchitectures.CnnSmall;
        var reference = SyntheticZoo.Weights(architecture, 1, seed: 5)[0].data<float>().ToArray();
        var hidden = architecture.Layout.Layers[3]; // Linear(36 -> 20), then tanh
        var output = architecture.Layout.Layers[4]; // Linear(20 -> 10)
        var flipped = (float[])reference.Clone();
        const int neuron = 5;
        for (int i = 0; i < hidden.FanIn; i++)
        {
            flipped[hidden.Offset + neuron * hidden.FanIn + i] *= -1;
        }

        flipped[hidden.BiasOffset + neuron] *= -1;
        for (int row = 0; row < output.Neurons; row++)
        {
            flipped[output.Offset + row * output.FanIn + neuron] *= -1;
        }

        var aligned = new NeuronAlignment(architecture).Align(flipped, reference);

        Assert.Equal(reference, aligned);
    }

    [Fact]
    public void Align_WrongLength_NamesBothLengths()
    {
        var alignment = new NeuronAlignment(BuiltInArchitectures.CnnSmall);

        var error = Assert.Throws<ArgumentException>(() => alignment.Align(new float[10], new float[2464]));

        Assert.Contains("2464", error.Message);
        Assert.Contains("10", error.Message);
    }

    [Fact]
    public void Align_NaNWeights_Throws()
    {
        var model = new float[2464];
        model[100] = float.NaN;

        var error = Assert.Throws<ArgumentException>(() =>
            new NeuronAlignment(BuiltInArchitectures.CnnSmall).Align(model, new float[2464]));

        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public void ReferenceIndex_LatestEpoch_PicksMostAccurate()
    {
        int index = NeuronAlignment.ReferenceIndex([24, 25, 25, 24, 25], [0.99, 0.90, double.NaN, 0.95, 0.93]);

        Assert.Equal(4, index);
    }

    [Fact]
    public void Train_AlignNeurons_EncodesPermutedModelsAlike()
    {
        var data = SyntheticZoo.CnnSmallData();
        var config = SyntheticZoo.TinyConfig with { Epochs = 1, AlignNeurons = true };
        using var trained = new HyperRepTrainer(data, config, SyntheticZoo.TemporaryDirectory()).Train();
        string folder = SyntheticZoo.TemporaryDirectory();
        HyperRepresentationFolder.Save(trained.HyperRepresentation, folder);
        using var loaded = HyperRepresentationFolder.Load(folder);
        using var scope = NewDisposeScope();

        var reference = AlignedTrainingData.Create(data).Reference;
        Assert.True(loaded.Network.AlignmentReference!.eq(reference).all().item<bool>());
        var test = data.Test!.Weights;
        var permuted = new NeuronPermutation(data.Architecture).Apply(test, new Generator(6));
        Assert.True(loaded.Encode(permuted).allclose(loaded.Encode(test), rtol: 1e-4, atol: 1e-5));
        var anchors = loaded.Encode(loaded.Align(data.Train.Weights));
        Assert.True(anchors.allclose(loaded.Anchors.Embeddings, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Measure_PermutedCopies_CountAsCopiesWithAlignment()
    {
        using var scope = NewDisposeScope();
        var architecture = BuiltInArchitectures.CnnSmall;
        var training = randn(6, architecture.ParameterCount, generator: new Generator(30));
        var copies = new NeuronPermutation(architecture).Apply(training.narrow(0, 2, 3), new Generator(31));
        var predictions = zeros(3, 10, dtype: int64);
        var trainingPredictions = zeros(6, 10, dtype: int64);

        var raw = NoveltyAnalysis.Measure(copies, training, predictions, trainingPredictions);
        var aligned = NoveltyAnalysis.Measure(copies, training, predictions, trainingPredictions,
            new NeuronAlignment(architecture));

        Assert.All(raw.NearestWeightDistance, d => Assert.True(d > 1));
        Assert.All(aligned.NearestWeightDistance, d => Assert.Equal(0, d, 3));
        Assert.Equal(new[] { 2, 3, 4 }, aligned.NearestWeightModel);
    }

    private static double Total(double[,] similarity, int[] assignment) =>
        assignment.Select((column, row) => similarity[row, column]).Sum();

    private static double BestTotal(double[,] similarity)
    {
        double best = double.NegativeInfinity;
        foreach (var order in Permutations(Enumerable.Range(0, similarity.GetLength(0)).ToArray(), 0))
        {
            best = Math.Max(best, Total(similarity, order));
        }

        return best;
    }

    private static IEnumerable<int[]> Permutations(int[] items, int start)
    {
        if (start == items.Length)
        {
            yield return (int[])items.Clone();
            yield break;
        }

        for (int i = start; i < items.Length; i++)
        {
            (items[start], items[i]) = (items[i], items[start]);
            foreach (var order in Permutations(items, start + 1))
            {
                yield return order;
            }

            (items[start], items[i]) = (items[i], items[start]);
        }
    }

    private static Tensor Logits(ArchitectureSpec architecture, Tensor weights, Tensor input) =>
        PopulationForward.Forward(architecture, PopulationForward.Unflatten(architecture, weights), input);
}
