namespace HyperRepHub.Core.Training;

/// <summary>Splits the rows of a population into contiguous shards of nearly equal size.</summary>
public static class ModelShards
{
    /// <summary>
    /// Returns at most <paramref name="shards"/> ranges <c>(Start, Length)</c> that cover the rows below
    /// <paramref name="models"/> in order. When the rows do not divide evenly, the first ranges contain one row more.
    /// </summary>
    public static IReadOnlyList<(long Start, long Length)> Split(long models, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(models, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        long count = Math.Min(models, shards);
        var result = new (long Start, long Length)[count];
        long start = 0;
        for (long k = 0; k < count; k++)
        {
            long length = models / count + (k < models % count ? 1 : 0);
            result[k] = (start, length);
            start += length;
        }

        return result;
    }
}
