namespace HyperRepHub.Core.Sampling;

/// <summary>How a per-dimension Gaussian KDE chooses its bandwidth.</summary>
public enum BandwidthRule
{
    /// <summary>The same fixed bandwidth on every dimension (<see cref="SamplerOptions.Bandwidth"/>).</summary>
    Fixed,

    /// <summary>
    /// Silverman's rule of thumb per dimension: <c>0.9 · min(std, IQR / 1.34) · n^(-1/5)</c>, which adapts to
    /// each dimension's spread.
    /// </summary>
    Silverman,
}
