using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling.Umap;

/// <summary>
/// Uniform Manifold Approximation and Projection (McInnes, Healy and Melville, 2018): a fuzzy k-nearest-neighbour
/// graph of the data, laid out in a few dimensions by SGD on a cross-entropy between the two graphs.
/// </summary>
public static class UmapProjection
{
    /// <summary>Embeds points <c>[N, D]</c> into <c>[N, components]</c> (float64).</summary>
    /// <exception cref="ArgumentException">Fewer points than <see cref="UmapOptions.Neighbours"/> + 1.</exception>
    public static Tensor FitTransform(Tensor points, UmapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (points.dim() != 2 || points.shape[0] <= options.Neighbours)
        {
            throw new ArgumentException(
                $"UMAP with {options.Neighbours} neighbours needs more than {options.Neighbours} points [N, D], " +
                $"got [{string.Join(", ", points.shape)}].", nameof(points));
        }

        var graph = FuzzySimplicialSet.Build(points, options.Neighbours);
        var random = new Random(options.Seed);
        var embedding = options.Init == UmapInit.Spectral && IsConnected(graph)
            ? SpectralEmbedding(graph, options.Components, random)
            : RandomEmbedding(graph.Count, options.Components, random);
        var (a, b) = UmapCurve.Fit(options.Spread, options.MinDistance);
        int epochs = options.Epochs > 0 ? options.Epochs : 500;
        new UmapLayout(graph, a, b, options).Optimise(embedding, epochs, random);
        return tensor(embedding.SelectMany(row => row).ToArray(), [graph.Count, options.Components]); // [N, C]
    }

    private static double[][] RandomEmbedding(int count, int components, Random random) =>
        Enumerable.Range(0, count)
            .Select(_ => Enumerable.Range(0, components).Select(_ => random.NextDouble() * 20 - 10).ToArray())
            .ToArray();

    private static double[][] SpectralEmbedding(FuzzySimplicialSet graph, int components, Random random)
    {
        using var scope = NewDisposeScope();
        int n = graph.Count;
        var weights = new double[n * n];
        foreach (var (head, tail, weight) in graph.Edges)
        {
            weights[head * n + tail] = weight;
        }

        var adjacency = tensor(weights, [n, n]); // [N, N]
        var inverseRoot = adjacency.sum(1).rsqrt(); // [N]
        var laplacian = eye(n, dtype: float64) - inverseRoot.unsqueeze(1) * adjacency * inverseRoot.unsqueeze(0);
        var (_, vectors) = linalg.eigh(laplacian); // eigenvalues ascending, vectors [N, N]
        var coordinates = vectors.narrow(1, 1, components); // [N, C], the trivial first vector dropped
        // Scale into [0, 10] per component, as umap-learn does, so the SGD step sizes fit.
        var low = coordinates.amin([0], keepdim: true);
        var high = coordinates.amax([0], keepdim: true);
        var scaled = 10 * (coordinates - low) / (high - low).clamp_min(1e-12);
        double[] flat = scaled.contiguous().data<double>().ToArray();
        return Enumerable.Range(0, n)
            .Select(i => Enumerable.Range(0, components)
                .Select(c => flat[i * components + c] + 1e-4 * (random.NextDouble() - 0.5))
                .ToArray())
            .ToArray();
    }

    private static bool IsConnected(FuzzySimplicialSet graph)
    {
        var adjacent = graph.Edges.ToLookup(e => e.Head, e => e.Tail);
        var seen = new bool[graph.Count];
        var stack = new Stack<int>([0]);
        seen[0] = true;
        int reached = 1;
        while (stack.Count > 0)
        {
            foreach (int next in adjacent[stack.Pop()])
            {
                if (!seen[next])
                {
                    seen[next] = true;
                    reached++;
                    stack.Push(next);
                }
            }
        }

        return reached == graph.Count;
    }
}
