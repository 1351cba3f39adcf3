using System.Globalization;
using static TorchSharp.torch;

namespace HyperRepHub.Benchmarks;

/// <summary>Reads <c>--name value</c> options from the command line.</summary>
internal static class Options
{
    public static string? Get(string[] args, string name)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static int Int(string[] args, string name, int fallback) =>
        Get(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>Sets libtorch's intra-op thread count when <c>--threads</c> is given.</summary>
    public static void ApplyThreads(string[] args)
    {
        if (Get(args, "--threads") is { } threads)
        {
            set_num_threads(int.Parse(threads, CultureInfo.InvariantCulture));
        }
    }
}
