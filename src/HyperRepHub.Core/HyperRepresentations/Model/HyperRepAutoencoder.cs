using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Tokens;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HyperRepHub.Core.HyperRepresentations.Model;

/// <summary>
/// The hyper-representation's network: tokenizer, encoder, decoder and projection head. Parameters are
/// initialised from <see cref="HyperRepConfig.Seed"/> alone; dropout draws from <see cref="DropoutGenerator"/>.
/// </summary>
public sealed class HyperRepAutoencoder : Module
{
    private readonly WeightEncoder encoder;
    private readonly WeightDecoder decoder;
    private readonly ProjectionHead projection;
    private readonly Tensor? inputMean;
    private readonly Tensor? inputScale;
    private readonly Tensor? alignmentReference;

    /// <summary>
    /// Creates the network for <paramref name="architecture"/> with sizes from <paramref name="config"/>.
    /// </summary>
    public HyperRepAutoencoder(ArchitectureSpec architecture, HyperRepConfig config) : base("hyperrep")
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        Tokenizer = new NeuronTokenizer(architecture);
        DropoutGenerator = new Generator((ulong)config.Seed + 1);
        var dropout = new SeededDropout(config.Dropout, DropoutGenerator);
        encoder = new WeightEncoder("encoder", Tokenizer.Layers, config, dropout);
        decoder = new WeightDecoder("decoder", Tokenizer.Layers, config, dropout);
        projection = new ProjectionHead("projection", config.LatentDimension, config.ProjectionHidden,
            config.ProjectionOutput, config.ProjectionLayers);
        if (config.NormalizeInputs)
        {
            inputMean = zeros(Tokenizer.ParameterCount);
            inputScale = ones(Tokenizer.ParameterCount);
            register_buffer("input_mean", inputMean);
            register_buffer("input_scale", inputScale);
        }

        if (config.AlignNeurons)
        {
            alignmentReference = zeros(Tokenizer.ParameterCount);
            register_buffer("alignment_reference", alignmentReference);
        }

        RegisterComponents();
        ParameterInitializer.Initialize(this, new Generator((ulong)config.Seed));
    }

    /// <summary>The sizes and training settings.</summary>
    public HyperRepConfig Config { get; }

    /// <summary>The tokenizer of the architecture this network encodes.</summary>
    public NeuronTokenizer Tokenizer { get; }

    /// <summary>The generator every dropout mask is drawn from.</summary>
    public Generator DropoutGenerator { get; }

    /// <summary>Encodes flat weights <c>[B, P]</c> to embeddings <c>[B, D]</c>.</summary>
    public Tensor Encode(Tensor weights) => encoder.Encode(Tokenizer.Tokenize(
        inputMean is null ? weights : (weights - inputMean) / inputScale!));

    /// <summary>Decodes embeddings <c>[B, D]</c> to flat weights <c>[B, P]</c>.</summary>
    public Tensor Decode(Tensor z)
    {
        var weights = Tokenizer.Detokenize(decoder.Decode(z)); // [B, P]
        return inputMean is null ? weights : weights * inputScale! + inputMean;
    }

    /// <summary>
    /// Sets the per-layer mean and σ that inputs are standardised with when <see cref="HyperRepConfig.NormalizeInputs"/>
    /// is on. Otherwise it does nothing. The values are buffers, saved and loaded with the network's weights.
    /// </summary>
    public void SetNormalization(LayerStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        if (inputMean is null)
        {
            return;
        }

        using var noGrad = no_grad();
        inputMean.copy_(statistics.MeanPerParameter(Tokenizer.Architecture));
        inputScale!.copy_(statistics.StdPerParameter(Tokenizer.Architecture));
    }

    /// <summary>
    /// The reference weights that inputs are aligned to when <see cref="HyperRepConfig.AlignNeurons"/> is on, or null.
    /// It is a buffer, saved and loaded with the network's weights.
    /// </summary>
    public Tensor? AlignmentReference => alignmentReference;

    /// <summary>Sets <see cref="AlignmentReference"/> to the flat weights <paramref name="reference"/> <c>[P]</c>.</summary>
    /// <exception cref="InvalidOperationException">The configuration does not align neurons.</exception>
    public void SetAlignmentReference(Tensor reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (alignmentReference is null)
        {
            throw new InvalidOperationException("This network does not align neurons (AlignNeurons is off).");
        }

        using var noGrad = no_grad();
        alignmentReference.copy_(reference.reshape(-1));
    }

    /// <summary>Projects embeddings <c>[B, D]</c> for the contrastive loss, <c>[B, ProjectionOutput]</c>.</summary>
    public Tensor Project(Tensor z) => projection.forward(z);
}
