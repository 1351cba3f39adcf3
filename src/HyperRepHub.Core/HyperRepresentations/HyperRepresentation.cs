using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Alignment;
using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.HyperRepresentations.Tokens;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations;

/// <summary>
/// A trained hyper-representation: the autoencoder in evaluation mode, the layer statistics of its training
/// split and the anchors (training-split embeddings with each checkpoint's accuracy). Save and load it with
/// <see cref="HyperRepresentationFolder"/>.
/// </summary>
public sealed class HyperRepresentation : IHyperRepresentation, IDisposable
{
    private const int ChunkSize = 256;

    /// <summary>Wraps a trained network; the anchors are taken over and disposed with this object.</summary>
    public HyperRepresentation(HyperRepAutoencoder network, LayerStatistics statistics, AnchorSet anchors)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(anchors);
        Network = network;
        Network.eval();
        Statistics = statistics;
        Anchors = anchors;
    }

    /// <summary>The encoder, decoder and projection head.</summary>
    public HyperRepAutoencoder Network { get; }

    /// <summary>Mean and standard deviation per layer of the training split.</summary>
    public LayerStatistics Statistics { get; }

    /// <summary>The sizes and training settings.</summary>
    public HyperRepConfig Config => Network.Config;

    /// <inheritdoc />
    public ArchitectureSpec Architecture => Network.Tokenizer.Architecture;

    /// <inheritdoc />
    public int LatentDimension => Config.LatentDimension;

    /// <inheritdoc />
    public AnchorSet Anchors { get; }

    /// <inheritdoc />
    public Tensor Align(Tensor weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var reference = Network.AlignmentReference;
        return reference is null ? weights : new NeuronAlignment(Architecture).Align(weights, reference);
    }

    /// <inheritdoc />
    public Tensor Encode(Tensor weights) => EncodeAligned(Align(weights));

    /// <summary>Encodes weights that <see cref="Align"/> has already put into the reference's neuron order.</summary>
    internal Tensor EncodeAligned(Tensor alignedWeights) => InChunks(alignedWeights, Network.Encode);

    /// <inheritdoc />
    public Tensor Decode(Tensor embeddings) => InChunks(embeddings, Network.Decode);

    /// <inheritdoc />
    public void Dispose()
    {
        Anchors.Embeddings.Dispose();
        Network.Dispose();
    }

    private Tensor InChunks(Tensor input, Func<Tensor, Tensor> map)
    {
        ArgumentNullException.ThrowIfNull(input);
        Network.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var outputs = new List<Tensor>();
        for (long start = 0; start < input.shape[0]; start += ChunkSize)
        {
            long length = Math.Min(ChunkSize, input.shape[0] - start);
            outputs.Add(map(input.narrow(0, start, length).to(ScalarType.Float32)));
        }

        return cat(outputs, 0).MoveToOuterDisposeScope();
    }
}
