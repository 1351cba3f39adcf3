using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.Sampling;

/// <summary>
/// Test double of a hyper-representation: a fixed random linear encoder with tanh and a linear decoder, with
/// anchors encoded from random CNN-s weight vectors whose accuracies are 0, 1/N, 2/N, ...
/// </summary>
internal sealed class LinearHyperRepresentation : IHyperRepresentation
{
    private readonly Tensor _encoder;
    private readonly Tensor _decoder;

    public LinearHyperRepresentation(int latentDimension = 8, int anchorCount = 40, long seed = 7)
    {
        using var generator = new Generator((ulong)seed);
        int parameters = Architecture.ParameterCount;
        _encoder = randn([parameters, latentDimension], generator: generator) / Math.Sqrt(parameters);
        _decoder = randn([latentDimension, parameters], generator: generator) * 0.1;
        Weights = randn([anchorCount, parameters], generator: generator); // [N, P]
        var ids = Enumerable.Range(0, anchorCount).Select(i => $"model-{i}").ToArray();
        var accuracies = Enumerable.Range(0, anchorCount).Select(i => (double)i / anchorCount).ToArray();
        Anchors = new AnchorSet(Encode(Weights), ids, Enumerable.Repeat(21, anchorCount).ToArray(), accuracies);
    }

    public ArchitectureSpec Architecture => BuiltInArchitectures.CnnSmall;

    public int LatentDimension => (int)_encoder.shape[1];

    public AnchorSet Anchors { get; }

    /// <summary>The flat weights the anchors were encoded from, <c>[N, P]</c>.</summary>
    public Tensor Weights { get; }

    public Tensor Align(Tensor weights) => weights;

    public Tensor Encode(Tensor weights) => weights.matmul(_encoder).tanh(); // [N, D]

    public Tensor Decode(Tensor embeddings) => embeddings.matmul(_decoder); // [N, P]
}
