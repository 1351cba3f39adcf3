namespace HyperRepHub.Core.Sampling.Umap;

/// <summary>
/// The low-dimensional similarity <c>1 / (1 + a·d^(2b))</c> that UMAP uses, with <c>a</c> and <c>b</c> fitted so
/// it approximates 1 below <c>minDist</c> and <c>exp(-(d - minDist) / spread)</c> above it.
/// </summary>
public static class UmapCurve
{
    /// <summary>Fits (a, b) by Levenberg-Marquardt least squares on 300 points of [0, 3·spread].</summary>
    public static (double A, double B) Fit(double spread, double minDistance)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spread);
        ArgumentOutOfRangeException.ThrowIfNegative(minDistance);
        const int points = 300;
        var x = Enumerable.Range(0, points).Select(i => 3 * spread * i / (points - 1)).ToArray();
        var y = x.Select(d => d < minDistance ? 1.0 : Math.Exp(-(d - minDistance) / spread)).ToArray();
        double a = 1, b = 1, damping = 1e-3;
        double error = SquaredError(x, y, a, b);
        for (int iteration = 0; iteration < 500; iteration++)
        {
            var (stepA, stepB) = Step(x, y, a, b, damping);
            double candidate = SquaredError(x, y, a + stepA, b + stepB);
            if (candidate < error)
            {
                bool converged = error - candidate < 1e-14;
                (a, b, error, damping) = (a + stepA, b + stepB, candidate, damping / 3);
                if (converged)
                {
                    break;
                }
            }
            else
            {
                damping *= 4;
            }
        }

        return (a, b);
    }

    private static (double, double) Step(double[] x, double[] y, double a, double b, double damping)
    {
        // Normal equations (JᵀJ + λ·diag(JᵀJ)) δ = -Jᵀr for the two parameters.
        double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] <= 0)
            {
                continue;
            }

            double power = Math.Pow(x[i], 2 * b);
            double denominator = 1 + a * power;
            double residual = 1 / denominator - y[i];
            double dA = -power / (denominator * denominator);
            double dB = -a * power * 2 * Math.Log(x[i]) / (denominator * denominator);
            jaa += dA * dA;
            jab += dA * dB;
            jbb += dB * dB;
            ga += dA * residual;
            gb += dB * residual;
        }

        double maa = jaa * (1 + damping), mbb = jbb * (1 + damping);
        double determinant = maa * mbb - jab * jab;
        return ((-ga * mbb + gb * jab) / determinant, (-gb * maa + ga * jab) / determinant);
    }

    private static double SquaredError(double[] x, double[] y, double a, double b) =>
        x.Select((d, i) => Math.Pow(1 / (1 + a * Math.Pow(d, 2 * b)) - y[i], 2)).Sum();
}
