using HyperRepHub.Core.Datasets;

namespace HyperRepHub.Core.Tests.Datasets;

/// <summary>Loads the installed datasets (scripts/setup-data.sh installs them).</summary>
public sealed class RealDatasetTests
{
    [Fact]
    public void Load_Mnist_Has8000TrainAnd2000TestDigits()
    {
        var (train, test) = DatasetCatalog.Load("mnist");

        Assert.Equal(8000, train.Count);
        Assert.Equal(2000, test.Count);
        Assert.Equal(new long[] { 2000, 1, 28, 28 }, test.Images.shape);
        Assert.Equal(0.0, train.Images.mean().item<float>(), 1);
        Assert.Equal(1.0, train.Images.std().item<float>(), 1);
    }

    [Fact]
    public void Load_FashionMnist_Has60000TrainAnd10000TestImages()
    {
        var (train, test) = DatasetCatalog.Load("fashion-mnist");

        Assert.Equal(60000, train.Count);
        Assert.Equal(10000, test.Count);
        Assert.Equal(0.0, train.Images.mean().item<float>(), 3);
        Assert.Equal(1.0, train.Images.std().item<float>(), 3);
    }
}
