namespace HyperRepHub.Core.HyperRepresentations.Alignment;

/// <summary>
/// Solves the linear assignment problem on a square matrix with the Hungarian method (shortest augmenting paths
/// with potentials), in O(n³).
/// </summary>
public static class LinearAssignment
{
    /// <summary>
    /// Returns the assignment that maximises the total similarity: <c>result[i]</c> is the column given to row i.
    /// </summary>
    /// <param name="similarity">Square matrix <c>[n, n]</c> of finite values.</param>
    /// <exception cref="ArgumentException">The matrix is not square or contains NaN or infinite values.</exception>
    public static int[] Maximize(double[,] similarity)
    {
        ArgumentNullException.ThrowIfNull(similarity);
        int n = similarity.GetLength(0);
        if (similarity.GetLength(1) != n)
        {
            throw new ArgumentException(
                $"The matrix must be square; it is {n} x {similarity.GetLength(1)}.", nameof(similarity));
        }

        foreach (double value in similarity)
        {
            if (!double.IsFinite(value))
            {
                // The augmenting-path search would never terminate on NaN.
                throw new ArgumentException("The matrix contains NaN or infinite values.", nameof(similarity));
            }
        }

        // Potentials u (rows) and v (columns), 1-based with column 0 as the virtual start.
        var u = new double[n + 1];
        var v = new double[n + 1];
        var rowOfColumn = new int[n + 1];
        var way = new int[n + 1];
        for (int row = 1; row <= n; row++)
        {
            rowOfColumn[0] = row;
            int column = 0;
            var minimum = new double[n + 1];
            var used = new bool[n + 1];
            Array.Fill(minimum, double.PositiveInfinity);
            do
            {
                used[column] = true;
                int current = rowOfColumn[column], next = 0;
                double delta = double.PositiveInfinity;
                for (int j = 1; j <= n; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    double reduced = -similarity[current - 1, j - 1] - u[current] - v[j];
                    if (reduced < minimum[j])
                    {
                        minimum[j] = reduced;
                        way[j] = column;
                    }

                    if (minimum[j] < delta)
                    {
                        delta = minimum[j];
                        next = j;
                    }
                }

                for (int j = 0; j <= n; j++)
                {
                    if (used[j])
                    {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minimum[j] -= delta;
                    }
                }

                column = next;
            }
            while (rowOfColumn[column] != 0);

            do
            {
                int previous = way[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            }
            while (column != 0);
        }

        var result = new int[n];
        for (int j = 1; j <= n; j++)
        {
            result[rowOfColumn[j] - 1] = j - 1;
        }

        return result;
    }
}
