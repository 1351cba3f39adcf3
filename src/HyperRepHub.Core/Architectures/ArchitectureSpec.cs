using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperRepHub.Core.Architectures;

/// <summary>
/// An image classifier described as data: input shape, class count and an ordered layer list. Layer
/// <c>i</c> with parameters owns the PyTorch <c>state_dict</c> keys <c>"{i}.weight"</c> and <c>"{i}.bias"</c>,
/// exactly as <c>nn.Sequential</c> names them.
/// </summary>
/// <param name="Name">Short identifier, for example <c>cnn-s</c>.</param>
/// <param name="InputChannels">Channels of one input image.</param>
/// <param name="InputHeight">Height of one input image in pixels.</param>
/// <param name="InputWidth">Width of one input image in pixels.</param>
/// <param name="Classes">Number of output classes (logits).</param>
/// <param name="Layers">Layers in forward order.</param>
public sealed record ArchitectureSpec(
    string Name,
    int InputChannels,
    int InputHeight,
    int InputWidth,
    int Classes,
    IReadOnlyList<LayerSpec> Layers)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        WriteIndented = true,
    };

    /// <summary>The weight layout derived from the layers; throws when the layers do not chain.</summary>
    [JsonIgnore]
    public WeightLayout Layout => _layout ??= WeightLayout.Create(this);

    private WeightLayout? _layout;

    /// <summary>Total number of parameters (weights and biases).</summary>
    [JsonIgnore]
    public int ParameterCount => Layout.ParameterCount;

    /// <summary>Serialises the spec to indented JSON with snake_case names.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Parses and validates a spec from JSON.</summary>
    /// <exception cref="ArchitectureException">The JSON is invalid or its layers do not chain.</exception>
    public static ArchitectureSpec FromJson(string json)
    {
        ArchitectureSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize<ArchitectureSpec>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new ArchitectureException($"Invalid architecture JSON: {ex.Message}", ex);
        }

        if (spec is null)
        {
            throw new ArchitectureException("Invalid architecture JSON: the document is empty or null.");
        }

        _ = spec.Layout;
        return spec;
    }

    /// <summary>Whether two specs describe the same network (same layers, input and classes), whatever their names.</summary>
    public bool IsSameNetwork(ArchitectureSpec other) =>
        InputChannels == other.InputChannels && InputHeight == other.InputHeight &&
        InputWidth == other.InputWidth && Classes == other.Classes && Layers.SequenceEqual(other.Layers);
}
