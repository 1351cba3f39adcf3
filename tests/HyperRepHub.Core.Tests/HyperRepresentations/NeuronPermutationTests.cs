using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Augmentations;
using HyperRepHub.Core.Population;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.HyperRepresentations;

public sealed class NeuronPermutationTests
{
    // A 1x1 residual layer after the activation, unlike the built-in cnn-s-residual, which puts it before the pool.
    private static readonly ArchitectureSpec ResidualAfterActivation = new("residual-after-activation", 1, 28, 28, 10,
    [
        LayerSpec.Conv(1, 8, 5), LayerSpec.MaxPool(2), LayerSpec.Act("tanh"),
        new LayerSpec(LayerKind.Residual1x1, InChannels: 8), LayerSpec.Act("tanh"),
        LayerSpec.Conv(8, 6, 5), LayerSpec.MaxPool(2), LayerSpec.Act("tanh"),
        LayerSpec.Conv(6, 4, 2), LayerSpec.Act("tanh"),
        LayerSpec.Flat(),
        LayerSpec.Dense(36, 20), LayerSpec.Act("tanh"),
        LayerSpec.Dense(20, 10),
    ]);

    public static TheoryData<string> Architectures() =>
        new(BuiltInArchitectures.All.Keys.Append(ResidualAfterActivation.Name));

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Apply_RandomPermutation_KeepsEveryModelsOutputs(string name)
    {
        using var scope = NewDisposeScope();
        var architecture = name == ResidualAfterActivation.Name
            ? ResidualAfterActivation
            : BuiltInArchitectures.Get(name);
        var weights = SyntheticZoo.Weights(architecture, 4, seed: 11).to(ScalarType.Float64);
        var input = randn([5, architecture.InputChannels, architecture.InputHeight, architecture.InputWidth],
            dtype: ScalarType.Float64, generator: new Generator(3));

        var permuted = new NeuronPermutation(architecture).Apply(weights, new Generator(17));
        var original = Logits(architecture, weights, input);
        var after = Logits(architecture, permuted, input);

        Assert.False(permuted.allclose(weights));
        Assert.True(after.allclose(original, rtol: 1e-9, atol: 1e-9));
    }

    [Fact]
    public void PermutedLayers_CnnSmall_AreAllButTheLast()
    {
        var permutation = new NeuronPermutation(BuiltInArchitectures.CnnSmall);

        Assert.Equal([0, 1, 2, 3], permutation.PermutedLayers);
    }

    [Fact]
    public void Apply_ConvToLinear_MovesInputColumnsInBlocksOfNine()
    {
        using var scope = NewDisposeScope();
        var architecture = BuiltInArchitectures.CnnSmall;
        var layer = architecture.Layout.Layers[3]; // Linear(36 -> 20) after the 4-channel 3x3 conv output
        var weights = arange(architecture.ParameterCount, dtype: ScalarType.Float32).unsqueeze(0);
        var swapFirstTwo = tensor(new long[] { 1, 0, 2, 3 }).unsqueeze(0);

        var permuted = new NeuronPermutation(architecture).Apply(weights, 2, swapFirstTwo);
        var firstRow = permuted[0].narrow(0, layer.Offset, 36);

        Assert.Equal(layer.Offset + 9f, firstRow[0].item<float>());
        Assert.Equal(layer.Offset + 17f, firstRow[8].item<float>());
        Assert.Equal(layer.Offset + 0f, firstRow[9].item<float>());
        Assert.Equal(layer.Offset + 18f, firstRow[18].item<float>());
    }

    [Fact]
    public void Apply_SameGeneratorState_GivesSamePermutation()
    {
        using var scope = NewDisposeScope();
        var architecture = BuiltInArchitectures.CnnSmall;
        var weights = SyntheticZoo.Weights(architecture, 3, seed: 2);
        var permutation = new NeuronPermutation(architecture);

        var first = permutation.Apply(weights, new Generator(5));
        var second = permutation.Apply(weights, new Generator(5));

        Assert.True(first.eq(second).all().item<bool>());
    }

    private static Tensor Logits(ArchitectureSpec architecture, Tensor weights, Tensor input) =>
        PopulationForward.Forward(architecture, PopulationForward.Unflatten(architecture, weights), input);
}
