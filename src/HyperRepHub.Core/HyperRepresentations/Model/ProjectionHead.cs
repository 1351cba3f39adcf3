using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HyperRepHub.Core.HyperRepresentations.Model;

/// <summary>
/// The MLP that maps embeddings to the space NT-Xent compares in: <c>Linear → BatchNorm → ReLU</c> for every
/// layer but the last, which is <c>Linear → BatchNorm</c>.
/// </summary>
public sealed class ProjectionHead : Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    /// <summary>
    /// Creates a head of <paramref name="depth"/> linear layers from <paramref name="input"/> to <paramref
    /// name="output"/>.
    /// </summary>
    public ProjectionHead(string name, int input, int hidden, int output, int depth) : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 2);
        var modules = new List<(string, Module<Tensor, Tensor>)>();
        int width = input;
        for (int i = 0; i < depth - 1; i++)
        {
            modules.Add(($"linear{i}", Linear(width, hidden)));
            modules.Add(($"norm{i}", BatchNorm1d(hidden)));
            modules.Add(($"relu{i}", ReLU()));
            width = hidden;
        }

        modules.Add(($"linear{depth - 1}", Linear(width, output)));
        modules.Add(($"norm{depth - 1}", BatchNorm1d(output)));
        layers = Sequential(modules);
        RegisterComponents();
    }

    /// <summary>Projects embeddings <c>[B, D]</c> to <c>[B, output]</c>.</summary>
    public override Tensor forward(Tensor z) => layers.forward(z);
}
