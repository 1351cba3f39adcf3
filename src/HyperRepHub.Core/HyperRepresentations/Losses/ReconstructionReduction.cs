using System.Text.Json.Serialization;

namespace HyperRepHub.Core.HyperRepresentations.Losses;

/// <summary>How the per-parameter squared errors of a reconstruction are averaged.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReconstructionReduction>))]
public enum ReconstructionReduction
{
    /// <summary>Mean over all parameters of all samples: each layer's sum of squared errors divided by N·P.</summary>
    GlobalMean,

    /// <summary>
    /// Mean of per-layer means: each layer's sum of squared errors divided by N·P_l, then averaged over layers.
    /// </summary>
    LayerMean,
}
