using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Population;
using HyperRepHub.Core.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Population;

public sealed class PopulationForwardTests
{
    [Theory]
    [InlineData("cnn-s")]
    [InlineData("cnn-l")]
    public void Forward_PerModelBatches_EqualsSequential(string name)
    {
        var spec = BuiltInArchitectures.Get(name);
        var weights = stack(new long[] { 5, 6, 7 }.Select(s =>
            WeightInitializer.Initialize(spec, TrainingPresets.Fast, InitScheme.KaimingUniform, s)).ToArray());
        var images = randn([3, 4, spec.InputChannels, spec.InputHeight, spec.InputWidth],
            generator: new Generator(11)); // [M, B, C, H, W]

        var logits = PopulationForward.Forward(spec, PopulationForward.Unflatten(spec, weights), images); // [3, 4, 10]

        for (int m = 0; m < 3; m++)
        {
            using var model = SequentialBuilder.Build(spec);
            SequentialBuilder.LoadFlat(model, spec, weights[m]);
            var expected = model.forward(images[m]); // [4, 10]
            Assert.True(logits[m].allclose(expected, rtol: 1e-4, atol: 1e-5), $"model {m} differs");
        }
    }

    [Fact]
    public void PrepareInput_PerModelBatches_ChannelsLastModelMajor()
    {
        var input = arange(2 * 3 * 2 * 2 * 2, dtype: float32).view(2, 3, 2, 2, 2); // [M, B, C, H, W]

        var grouped = PopulationForward.PrepareInput(input, 2); // [B, M·C, H, W]

        Assert.Equal([3L, 4, 2, 2], grouped.shape);
        Assert.Equal(1L, grouped.stride(1));
        Assert.Equal(input[1, 1, 1].data<float>().ToArray(), grouped[1, 3].contiguous().data<float>().ToArray());
    }
}
