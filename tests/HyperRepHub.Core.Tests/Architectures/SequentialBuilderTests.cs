using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Population;
using HyperRepHub.Core.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Architectures;

public sealed class SequentialBuilderTests
{
    [Theory]
    [InlineData("cnn-s")]
    [InlineData("cnn-l")]
    [InlineData("cnn-s-4conv")]
    [InlineData("cnn-s-residual")]
    public void Build_StateDict_MatchesLayoutKeysAndShapes(string name)
    {
        var spec = BuiltInArchitectures.Get(name);

        using var model = SequentialBuilder.Build(spec);

        var stateDict = model.state_dict();
        var expected = spec.Layout.Layers.SelectMany(l => new[] { l.WeightKey, l.BiasKey }).ToArray();
        Assert.Equal(expected, stateDict.Keys);
        Assert.All(spec.Layout.Layers, l => Assert.Equal(l.WeightShape, stateDict[l.WeightKey].shape));
    }

    [Theory]
    [InlineData("cnn-s")]
    [InlineData("cnn-l")]
    [InlineData("cnn-s-4conv")]
    [InlineData("cnn-s-residual")]
    public void PopulationForward_TwoModels_EqualsSequentialForward(string name)
    {
        var spec = BuiltInArchitectures.Get(name);
        var weights = stack(new long[] { 3, 4 }.Select(s =>
            WeightInitializer.Initialize(spec, TrainingPresets.Fast, InitScheme.KaimingUniform, s)).ToArray());
        var images = randn([5, spec.InputChannels, spec.InputHeight, spec.InputWidth], generator: new Generator(9));

        var logits = PopulationForward.Forward(spec, PopulationForward.Unflatten(spec, weights), images); // [2, 5, 10]

        using var model = SequentialBuilder.Build(spec);
        SequentialBuilder.LoadFlat(model, spec, weights[1]);
        var expected = model.forward(images);
        Assert.True(logits[1].allclose(expected, rtol: 1e-4, atol: 1e-5));
        Assert.Equal(weights[1].data<float>().ToArray(), SequentialBuilder.ToFlat(model, spec).data<float>().ToArray());
    }
}
