using System.Text.Json.Serialization;

namespace HyperRepHub.Core.Zoos;

/// <summary>Which part of a zoo a model belongs to. Zoos are split by model, never by checkpoint.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ZooSplit>))]
public enum ZooSplit
{
    /// <summary>Training models (70% by default).</summary>
    Train,

    /// <summary>Validation models (15% by default).</summary>
    Validation,

    /// <summary>Test models (15% by default).</summary>
    Test,
}
