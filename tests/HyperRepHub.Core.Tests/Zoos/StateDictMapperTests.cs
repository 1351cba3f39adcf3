using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Zoos;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Zoos;

public sealed class StateDictMapperTests
{
    private static readonly ArchitectureSpec Spec = BuiltInArchitectures.CnnSmall;

    [Fact]
    public void ToStateDict_CnnSmall_UsesSequentialNamesAndShapes()
    {
        using var flat = arange(Spec.ParameterCount, dtype: float32);

        var stateDict = StateDictMapper.ToStateDict(Spec, flat);

        Assert.Equal(["0.weight", "0.bias", "3.weight", "3.bias", "6.weight", "6.bias", "9.weight", "9.bias",
            "11.weight", "11.bias"], stateDict.Keys);
        Assert.Equal(new long[] { 8, 1, 5, 5 }, stateDict["0.weight"].shape);
        Assert.Equal(new long[] { 10, 20 }, stateDict["11.weight"].shape);
        Assert.Equal(208f, stateDict["3.weight"].flatten()[0].item<float>());
    }

    [Fact]
    public void ToFlat_ModulePrefix_RoundTrips()
    {
        using var flat = arange(Spec.ParameterCount, dtype: float32);
        var prefixed = StateDictMapper.ToStateDict(Spec, flat).ToDictionary(p => "module." + p.Key, p => p.Value);

        using var back = StateDictMapper.ToFlat(Spec, prefixed, "test");

        Assert.Equal(flat.data<float>().ToArray(), back.data<float>().ToArray());
    }

    [Fact]
    public void ToFlat_ModuleListPrefix_RoundTrips()
    {
        using var flat = arange(Spec.ParameterCount, dtype: float32);
        var prefixed = StateDictMapper.ToStateDict(Spec, flat).ToDictionary(p => "module_list." + p.Key, p => p.Value);

        using var back = StateDictMapper.ToFlat(Spec, prefixed, "test");

        Assert.Equal(flat.data<float>().ToArray(), back.data<float>().ToArray());
    }

    [Fact]
    public void ToFlat_MissingKey_ThrowsNamingKey()
    {
        var stateDict = StateDictMapper.ToStateDict(Spec, zeros(Spec.ParameterCount));
        stateDict.Remove("6.bias");

        var error = Assert.Throws<ArchitectureException>(() => StateDictMapper.ToFlat(Spec, stateDict, "m.pt"));

        Assert.Contains("missing key '6.bias'", error.Message);
        Assert.StartsWith("m.pt", error.Message);
    }

    [Fact]
    public void ToFlat_ExtraKey_ThrowsNamingKey()
    {
        var stateDict = StateDictMapper.ToStateDict(Spec, zeros(Spec.ParameterCount));
        stateDict["13.weight"] = zeros(3);

        var error = Assert.Throws<ArchitectureException>(() => StateDictMapper.ToFlat(Spec, stateDict, "m.pt"));

        Assert.Contains("unexpected key '13.weight'", error.Message);
    }

    [Fact]
    public void ToFlat_MisshapenTensor_ThrowsNamingKeyAndShapes()
    {
        var stateDict = StateDictMapper.ToStateDict(Spec, zeros(Spec.ParameterCount));
        stateDict["9.weight"] = zeros(36, 20);

        var error = Assert.Throws<ArchitectureException>(() => StateDictMapper.ToFlat(Spec, stateDict, "m.pt"));

        Assert.Contains("'9.weight' has shape [36, 20], expected [20, 36]", error.Message);
    }
}
