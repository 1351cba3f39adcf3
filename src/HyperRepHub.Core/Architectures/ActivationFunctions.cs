using TorchSharp;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Architectures;

/// <summary>The element-wise activations an architecture may name.</summary>
public static class ActivationFunctions
{
    private static readonly string[] Names = ["tanh", "relu", "sigmoid", "gelu", "leaky_relu"];

    /// <summary>The supported names, comma-separated, for error messages.</summary>
    public static string NamesText => string.Join(", ", Names);

    /// <summary>Whether <paramref name="name"/> is a supported activation.</summary>
    public static bool IsKnown(string? name) => name is not null && Names.Contains(name);

    /// <summary>Applies the named activation.</summary>
    public static Tensor Apply(string name, Tensor x) => name switch
    {
        "tanh" => x.tanh(),
        "relu" => nn.functional.relu(x),
        "sigmoid" => x.sigmoid(),
        "gelu" => nn.functional.gelu(x),
        "leaky_relu" => nn.functional.leaky_relu(x),
        _ => throw new ArchitectureException($"Unknown activation '{name}'; use one of {NamesText}."),
    };
}
