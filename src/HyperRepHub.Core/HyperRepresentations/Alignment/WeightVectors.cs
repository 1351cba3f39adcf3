namespace HyperRepHub.Core.HyperRepresentations.Alignment;

/// <summary>Inner products and distances of flat float32 weight vectors, accumulated in double precision.</summary>
internal static class WeightVectors
{
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * (double)b[i];
        }

        return sum;
    }

    public static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double difference = a[i] - (double)b[i];
            sum += difference * difference;
        }

        return Math.Sqrt(sum);
    }
}
