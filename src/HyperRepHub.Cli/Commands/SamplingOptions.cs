using System.CommandLine;
using HyperRepHub.Core.Sampling;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// The sampler options that <c>sample</c> (local) and <c>generate</c> (hub) share, with the same defaults as the
/// core's <see cref="SamplerOptions"/> and the hub.
/// </summary>
internal static class SamplingOptions
{
    /// <summary>The default of <c>--top</c>: sample around the 30% most accurate anchors.</summary>
    public const double DefaultTop = 0.3;

    public static Option<string> Method() => new("--method")
    {
        Description = $"Sampling method: {string.Join(", ", SamplerMethods.Names)}.",
        DefaultValueFactory = _ => SamplerMethods.Kde,
    };

    public static Option<double> Top()
    {
        var option = new Option<double>("--top")
        {
            Description = "Fraction of anchors kept, most accurate first, in (0, 1]; 0.3 keeps the top 30% and 1 all.",
            DefaultValueFactory = _ => DefaultTop,
        };
        option.Validators.Add(result =>
        {
            double value = result.GetValueOrDefault<double>();
            if (value is <= 0 or > 1 || double.IsNaN(value))
            {
                result.AddError($"Invalid --top {value}: pass a fraction in (0, 1], e.g. 0.3.");
            }
        });
        return option;
    }

    public static Option<int> Count()
    {
        var option = new Option<int>("--count")
        {
            Description = "Number of models to generate (the hub accepts 1 to 10000).",
            DefaultValueFactory = _ => 50,
        };
        option.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value < 1)
            {
                result.AddError($"Invalid --count {value}: generate at least 1 model.");
            }
        });
        return option;
    }

    public static Option<long> Seed() => CommonOptions.Seed("the sampler's draws", 1);
}
