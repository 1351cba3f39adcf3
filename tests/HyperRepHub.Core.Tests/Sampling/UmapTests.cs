using HyperRepHub.Core.Sampling.Umap;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Sampling;

public sealed class UmapTests
{
    [Theory]
    [InlineData(0.1, 1.577, 0.895)]
    [InlineData(0.001, 1.929, 0.7915)]
    public void CurveFit_KnownMinDistance_MatchesUmapLearn(double minDistance, double expectedA, double expectedB)
    {
        // Reference values: umap-learn's find_ab_params with spread 1.
        var (a, b) = UmapCurve.Fit(1.0, minDistance);

        Assert.Equal(expectedA, a, 0.02);
        Assert.Equal(expectedB, b, 0.02);
    }

    [Fact]
    public void FitTransform_Clusters_StayTogether()
    {
        var (points, labels) = Clusters(3, 30, 10);

        var embedding = UmapProjection.FitTransform(points, new UmapOptions { Seed = 1 }); // [90, 3]

        var nearest = NearestLabels(embedding, labels, 10);
        double sameCluster = nearest.Average();
        Assert.Equal(new long[] { 90, 3 }, embedding.shape);
        Assert.True(sameCluster > 0.95, $"only {sameCluster:P0} of 3-D neighbours share the cluster");
    }

    [Fact]
    public void FitTransform_Curve_PreservesNeighbourhoods()
    {
        // Points along a smooth closed curve in 10-D: the 3-D layout should keep each point's neighbours.
        var t = linspace(0, 2 * Math.PI, 120, dtype: float64).unsqueeze(1);
        var frequencies = arange(1, 6, dtype: float64).unsqueeze(0);
        var points = cat([(t * frequencies).sin(), (t * frequencies).cos()], 1); // [120, 10]

        var embedding = UmapProjection.FitTransform(points, new UmapOptions { Seed = 2, MinDistance = 0.01 });

        double overlap = NeighbourOverlap(points, embedding, 10);
        Assert.True(overlap > 0.5, $"3-D neighbourhoods overlap the original ones by {overlap:P0}; random is 8%");
    }

    [Fact]
    public void FitTransform_SameSeed_SameEmbedding()
    {
        var (points, _) = Clusters(2, 20, 5);

        var first = UmapProjection.FitTransform(points, new UmapOptions { Seed = 3 });
        var second = UmapProjection.FitTransform(points, new UmapOptions { Seed = 3 });

        Assert.True(first.equal(second).all().item<bool>());
    }

    [Fact]
    public void FitTransform_RandomInit_StillSeparatesClusters()
    {
        var (points, labels) = Clusters(2, 25, 6);

        var embedding = UmapProjection.FitTransform(points, new UmapOptions { Init = UmapInit.Random, Seed = 4 });

        Assert.True(NearestLabels(embedding, labels, 5).Average() > 0.95);
    }

    private static (Tensor Points, long[] Labels) Clusters(int clusters, int perCluster, int dimension)
    {
        using var generator = new Generator(17);
        var centres = randn([clusters, dimension], generator: generator) * 5;
        var labels = Enumerable.Range(0, clusters * perCluster).Select(i => (long)(i / perCluster)).ToArray();
        var points = centres.index_select(0, tensor(labels)) +
            randn([clusters * perCluster, dimension], generator: generator) * 0.3;
        return (points, labels);
    }

    private static double[] NearestLabels(Tensor embedding, long[] labels, int k)
    {
        var distances = cdist(embedding, embedding) + eye(embedding.shape[0], dtype: embedding.dtype) * 1e9;
        var nearest = distances.topk(k, 1, largest: false).indexes.data<long>().ToArray();
        return Enumerable.Range(0, labels.Length)
            .Select(i => Enumerable.Range(0, k).Count(j => labels[nearest[i * k + j]] == labels[i]) / (double)k)
            .ToArray();
    }

    private static double NeighbourOverlap(Tensor original, Tensor embedding, int k)
    {
        long[] Neighbours(Tensor x) =>
            (cdist(x, x) + eye(x.shape[0], dtype: x.dtype) * 1e9).topk(k, 1, largest: false).indexes.data<long>().ToArray();

        var before = Neighbours(original);
        var after = Neighbours(embedding);
        int n = (int)original.shape[0];
        return Enumerable.Range(0, n)
            .Average(i => before.Skip(i * k).Take(k).Intersect(after.Skip(i * k).Take(k)).Count() / (double)k);
    }
}
