using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling.Umap;

/// <summary>
/// UMAP's weighted k-nearest-neighbour graph: each point's distances are rescaled so its nearest neighbour has
/// membership 1 and the memberships sum to log2(k), then the directed graph is symmetrised with the fuzzy union
/// <c>w_ij + w_ji - w_ij·w_ji</c>.
/// </summary>
/// <param name="Count">Number of points.</param>
/// <param name="Edges">Undirected edges listed in both directions, with their membership in (0, 1].</param>
internal sealed record FuzzySimplicialSet(int Count, IReadOnlyList<(int Head, int Tail, double Weight)> Edges)
{
    /// <summary>Builds the set from points <c>[N, D]</c> with Euclidean distances.</summary>
    public static FuzzySimplicialSet Build(Tensor points, int neighbours)
    {
        int count = (int)points.shape[0];
        var (indices, distances) = NearestNeighbours(points, neighbours - 1);
        var directed = new Dictionary<(int, int), double>();
        for (int i = 0; i < count; i++)
        {
            var (rho, sigma) = SmoothDistance(distances[i], Math.Log2(neighbours));
            for (int n = 0; n < indices[i].Length; n++)
            {
                double excess = distances[i][n] - rho;
                directed[(i, indices[i][n])] = excess <= 0 ? 1.0 : Math.Exp(-excess / sigma);
            }
        }

        var edges = new List<(int, int, double)>();
        foreach (var ((i, j), w) in directed)
        {
            double reverse = directed.GetValueOrDefault((j, i));
            double union = w + reverse - w * reverse;
            edges.Add((i, j, union));
            if (!directed.ContainsKey((j, i)))
            {
                edges.Add((j, i, union));
            }
        }

        return new FuzzySimplicialSet(count, edges);
    }

    /// <summary>The k nearest other points of every point, nearest first, by brute force.</summary>
    internal static (int[][] Indices, double[][] Distances) NearestNeighbours(Tensor points, int k)
    {
        using var scope = NewDisposeScope();
        var data = points.to(float64);
        // The point itself is excluded by putting infinity on the diagonal.
        var self = eye(points.shape[0], dtype: float64).to(@bool);
        var distances = cdist(data, data).masked_fill(self, double.PositiveInfinity); // [N, N]
        var (values, indices) = distances.topk(k, dim: 1, largest: false, sorted: true); // [N, k]
        int n = (int)points.shape[0];
        double[] flatValues = values.data<double>().ToArray();
        long[] flatIndices = indices.data<long>().ToArray();
        var rowsIndices = new int[n][];
        var rowsDistances = new double[n][];
        for (int i = 0; i < n; i++)
        {
            rowsIndices[i] = Array.ConvertAll(flatIndices[(i * k)..((i + 1) * k)], v => (int)v);
            rowsDistances[i] = flatValues[(i * k)..((i + 1) * k)];
        }

        return (rowsIndices, rowsDistances);
    }

    /// <summary>
    /// Finds rho (distance to the nearest neighbour) and sigma by bisection so that
    /// <c>Σ exp(-(d - rho) / sigma) = target</c>, with sigma floored at 1e-3 of the mean distance.
    /// </summary>
    private static (double Rho, double Sigma) SmoothDistance(double[] distances, double target)
    {
        double rho = distances.FirstOrDefault(d => d > 0);
        double low = 0, high = double.PositiveInfinity, mid = 1;
        for (int iteration = 0; iteration < 64; iteration++)
        {
            double sum = distances.Sum(d => d - rho > 0 ? Math.Exp(-(d - rho) / mid) : 1.0);
            if (Math.Abs(sum - target) < 1e-5)
            {
                break;
            }

            if (sum > target)
            {
                high = mid;
                mid = (low + high) / 2;
            }
            else
            {
                low = mid;
                mid = double.IsPositiveInfinity(high) ? mid * 2 : (low + high) / 2;
            }
        }

        double floor = 1e-3 * Math.Max(distances.Average(), double.Epsilon);
        return (rho, Math.Max(mid, floor));
    }
}
