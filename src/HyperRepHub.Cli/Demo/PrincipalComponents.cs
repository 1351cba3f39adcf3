namespace HyperRepHub.Cli.Demo;

/// <summary>A two-component PCA by power iteration, enough to draw a latent space in 2-D.</summary>
public static class PrincipalComponents
{
    private const int Iterations = 200;

    /// <summary>
    /// Projects each row onto the first two principal components of the centred rows. Rows must share one length;
    /// a single row or constant rows project to the origin.
    /// </summary>
    public static IReadOnlyList<(double X, double Y)> Project2D(IReadOnlyList<float[]> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var dimension = rows[0].Length;
        if (rows.Any(row => row.Length != dimension))
        {
            throw new ArgumentException("Every embedding must have the same length.", nameof(rows));
        }

        var centred = Centre(rows, dimension);
        var first = LeadingDirection(centred, dimension, null);
        var second = LeadingDirection(centred, dimension, first);
        return centred.Select(row => (Dot(row, first), Dot(row, second))).ToList();
    }

    private static double[][] Centre(IReadOnlyList<float[]> rows, int dimension)
    {
        var mean = new double[dimension];
        foreach (var row in rows)
        {
            for (var j = 0; j < dimension; j++)
            {
                mean[j] += row[j] / (double)rows.Count;
            }
        }

        return rows.Select(row => row.Select((value, j) => value - mean[j]).ToArray()).ToArray();
    }

    /// <summary>Power iteration on X^T X, kept orthogonal to <paramref name="orthogonalTo"/> when given.</summary>
    private static double[] LeadingDirection(double[][] centred, int dimension, double[]? orthogonalTo)
    {
        var direction = Enumerable.Range(0, dimension).Select(j => 1.0 / Math.Sqrt(dimension) + (j * 1e-3)).ToArray();
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var next = new double[dimension];
            foreach (var row in centred)
            {
                var score = Dot(row, direction);
                for (var j = 0; j < dimension; j++)
                {
                    next[j] += score * row[j];
                }
            }

            if (orthogonalTo is not null)
            {
                var overlap = Dot(next, orthogonalTo);
                for (var j = 0; j < dimension; j++)
                {
                    next[j] -= overlap * orthogonalTo[j];
                }
            }

            var norm = Math.Sqrt(Dot(next, next));
            if (norm < 1e-12)
            {
                return new double[dimension];
            }

            direction = next.Select(value => value / norm).ToArray();
        }

        return direction;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            sum += a[j] * b[j];
        }

        return sum;
    }
}
