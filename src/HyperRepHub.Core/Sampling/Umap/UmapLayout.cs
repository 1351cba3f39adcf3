namespace HyperRepHub.Core.Sampling.Umap;

/// <summary>
/// UMAP's stochastic gradient descent: each edge is sampled in proportion to its membership and pulls its ends
/// together, and each sample pushes the head away from a few random points (negative sampling).
/// </summary>
internal sealed class UmapLayout(FuzzySimplicialSet graph, double a, double b, UmapOptions options)
{
    private const double GradientClip = 4.0;

    /// <summary>Optimises <paramref name="embedding"/> (<c>[N][C]</c>) in place for <paramref name="epochs"/> epochs.</summary>
    public void Optimise(double[][] embedding, int epochs, Random random)
    {
        double maxWeight = graph.Edges.Max(e => e.Weight);
        // Edges too weak to be sampled even once in all epochs are dropped, as umap-learn does.
        var edges = graph.Edges.Where(e => e.Weight >= maxWeight / epochs).ToArray();
        var epochsPerSample = edges.Select(e => maxWeight / e.Weight).ToArray();
        var nextSample = (double[])epochsPerSample.Clone();
        var epochsPerNegative = epochsPerSample.Select(e => e / options.NegativeSampleRate).ToArray();
        var nextNegative = (double[])epochsPerNegative.Clone();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double alpha = options.LearningRate * (1.0 - (double)epoch / epochs);
            for (int e = 0; e < edges.Length; e++)
            {
                if (nextSample[e] > epoch)
                {
                    continue;
                }

                var (head, tail, _) = edges[e];
                Attract(embedding[head], embedding[tail], alpha);
                nextSample[e] += epochsPerSample[e];
                int negatives = (int)((epoch - nextNegative[e]) / epochsPerNegative[e]);
                for (int n = 0; n < negatives; n++)
                {
                    int other = random.Next(graph.Count);
                    if (other != head)
                    {
                        Repel(embedding[head], embedding[other], alpha);
                    }
                }

                nextNegative[e] += negatives * epochsPerNegative[e];
            }
        }
    }

    private void Attract(double[] current, double[] other, double alpha)
    {
        double distanceSquared = SquaredDistance(current, other);
        if (distanceSquared <= 0)
        {
            return;
        }

        double coefficient = -2.0 * a * b * Math.Pow(distanceSquared, b - 1.0) /
            (a * Math.Pow(distanceSquared, b) + 1.0);
        for (int d = 0; d < current.Length; d++)
        {
            double gradient = Math.Clamp(coefficient * (current[d] - other[d]), -GradientClip, GradientClip);
            current[d] += gradient * alpha;
            other[d] -= gradient * alpha;
        }
    }

    private void Repel(double[] current, double[] other, double alpha)
    {
        double distanceSquared = SquaredDistance(current, other);
        if (distanceSquared <= 0)
        {
            return;
        }

        double coefficient = 2.0 * b / ((0.001 + distanceSquared) * (a * Math.Pow(distanceSquared, b) + 1.0));
        for (int d = 0; d < current.Length; d++)
        {
            current[d] += Math.Clamp(coefficient * (current[d] - other[d]), -GradientClip, GradientClip) * alpha;
        }
    }

    private static double SquaredDistance(double[] x, double[] y)
    {
        double sum = 0;
        for (int d = 0; d < x.Length; d++)
        {
            sum += (x[d] - y[d]) * (x[d] - y[d]);
        }

        return sum;
    }
}
