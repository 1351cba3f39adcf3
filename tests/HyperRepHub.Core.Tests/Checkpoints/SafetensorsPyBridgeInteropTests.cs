using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Checkpoints;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Checkpoints;

/// <summary>Checks the reader and writer against TorchSharp.PyBridge's independent safetensors code.</summary>
public sealed class SafetensorsPyBridgeInteropTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly ArchitectureSpec Architecture = BuiltInArchitectures.CnnSmall;

    [Fact]
    public async Task ReadAsync_PyBridgeFile_MatchesTensors()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(5);
        var stateDict = Architecture.Layout.Layers
            .SelectMany(layer => new[]
            {
                (layer.WeightKey, randn(layer.WeightShape, generator: generator)),
                (layer.BiasKey, randn([layer.Neurons], generator: generator)),
            })
            .ToDictionary(entry => entry.Item1, entry => entry.Item2);
        using var file = new MemoryStream();
        Safetensors.SaveStateDict(file, stateDict, leaveOpen: true);
        file.Position = 0;

        var checkpoint = await SafetensorsCheckpointReader.ReadAsync(file, Architecture).WaitAsync(Timeout);

        foreach (var layer in Architecture.Layout.Layers)
        {
            Assert.Equal(stateDict[layer.WeightKey].data<float>().ToArray(),
                checkpoint.Weights.AsSpan(layer.Offset, layer.WeightLength).ToArray());
            Assert.Equal(stateDict[layer.BiasKey].data<float>().ToArray(),
                checkpoint.Weights.AsSpan(layer.BiasOffset, layer.Neurons).ToArray());
        }
    }

    [Fact]
    public async Task WriteAsync_Output_LoadsInPyBridge()
    {
        using var scope = NewDisposeScope();
        float[] weights = Enumerable.Range(0, Architecture.ParameterCount).Select(i => i * 0.001f).ToArray();
        using var file = new MemoryStream();
        await SafetensorsCheckpointWriter.WriteAsync(file, Architecture, weights).WaitAsync(Timeout);
        file.Position = 0;

        var stateDict = Safetensors.LoadStateDict(file, leaveOpen: true);

        Assert.Equal(2 * Architecture.Layout.Layers.Count, stateDict.Count);
        foreach (var layer in Architecture.Layout.Layers)
        {
            Assert.Equal(layer.WeightShape, stateDict[layer.WeightKey].shape);
            Assert.Equal(weights.AsSpan(layer.Offset, layer.WeightLength).ToArray(),
                stateDict[layer.WeightKey].data<float>().ToArray());
            Assert.Equal(weights.AsSpan(layer.BiasOffset, layer.Neurons).ToArray(),
                stateDict[layer.BiasKey].data<float>().ToArray());
        }
    }
}
