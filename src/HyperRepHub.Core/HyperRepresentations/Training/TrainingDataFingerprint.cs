using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Training;

/// <summary>
/// A SHA-256 fingerprint of what a run trains on: the architecture, and the model ids, epochs and weights of the
/// training and validation splits. A checkpoint stores it, so a resume on other data is rejected. A byte-identical
/// copy of the zoo at another path has the same fingerprint.
/// </summary>
internal static class TrainingDataFingerprint
{
    public static string Compute(HyperRepTrainingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{data.Architecture.Name}/{data.Architecture.ParameterCount}\n"));
        Append(hash, data.Train);
        Append(hash, data.Validation);
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    private static void Append(IncrementalHash hash, WeightSet split)
    {
        for (int i = 0; i < split.Count; i++)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{split.ModelIds[i]}@{split.Epochs[i]}\n"));
        }

        using var weights = split.Weights.to(ScalarType.Float32).contiguous();
        hash.AppendData(weights.bytes);
    }
}
