using System.Buffers.Binary;
using System.Text;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Zoos;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyperRepHub.Server.Tests.Api;

/// <summary>Builds CNN-s checkpoint files, good and broken, for upload tests.</summary>
internal static class TestCheckpoints
{
    public static ArchitectureSpec Spec => BuiltInArchitectures.CnnSmall;

    /// <summary>Random CNN-s weights <c>[P]</c> from <paramref name="seed"/>.</summary>
    public static float[] RandomWeights(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Spec.ParameterCount).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
    }

    /// <summary>The weights as a safetensors state_dict file.</summary>
    public static byte[] Safetensors(float[] weights)
    {
        using var scope = NewDisposeScope();
        var buffer = new MemoryStream();
        TorchSharp.PyBridge.Safetensors.SaveStateDict(buffer, StateDictMapper.ToStateDict(Spec, tensor(weights)));
        return buffer.ToArray();
    }

    /// <summary>The weights as a PyTorch pickle state_dict file, as <c>torch.save</c> writes it.</summary>
    public static byte[] PyTorch(float[] weights)
    {
        using var scope = NewDisposeScope();
        var buffer = new MemoryStream();
        // Clone each tensor: the pickler writes a view's whole storage, as torch.save does for views.
        var stateDict = StateDictMapper.ToStateDict(Spec, tensor(weights))
            .ToDictionary(entry => entry.Key, entry => entry.Value.clone());
        PyTorchPickler.PickleStateDict(buffer, stateDict);
        return buffer.ToArray();
    }

    /// <summary>Reads a safetensors file back to flat weights.</summary>
    public static float[] ReadSafetensors(byte[] file)
    {
        using var scope = NewDisposeScope();
        var stateDict = TorchSharp.PyBridge.Safetensors.LoadStateDict(new MemoryStream(file));
        return StateDictMapper.ToFlat(Spec, stateDict, "download").data<float>().ToArray();
    }

    /// <summary>A safetensors file whose second layer's weight has one output channel too few.</summary>
    public static byte[] WrongShape()
    {
        using var scope = NewDisposeScope();
        var stateDict = StateDictMapper.ToStateDict(Spec, tensor(RandomWeights(7)));
        stateDict["3.weight"] = stateDict["3.weight"].narrow(0, 0, 5).contiguous();
        var buffer = new MemoryStream();
        TorchSharp.PyBridge.Safetensors.SaveStateDict(buffer, stateDict);
        return buffer.ToArray();
    }

    /// <summary>A safetensors file whose header length field claims far more bytes than the file holds.</summary>
    public static byte[] HugeHeaderClaim()
    {
        var file = Safetensors(RandomWeights(8));
        BinaryPrimitives.WriteUInt64LittleEndian(file, 1UL << 40);
        return file;
    }

    /// <summary>A header that says one tensor is a billion floats, over a tiny data section.</summary>
    public static byte[] HugeTensorClaim()
    {
        byte[] header = Encoding.UTF8.GetBytes(
            "{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[1000000000],\"data_offsets\":[0,4000000000]}}");
        var file = new byte[8 + header.Length + 16];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)header.Length);
        header.CopyTo(file, 8);
        return file;
    }
}
