using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling;

/// <summary>
/// Generates new weights from a hyper-representation: chooses anchors (its own training split, or the encoded
/// models of an unseen zoo), fits a sampler, draws embeddings and decodes them in one decoder pass.
/// </summary>
public sealed class WeightGenerator(IHyperRepresentation hyperRepresentation)
{
    /// <summary>
    /// Draws <paramref name="count"/> weight vectors <c>[count, P]</c>. Uses <paramref name="anchors"/> when
    /// given (for example from <see cref="EncodeZoo"/>), otherwise the hyper-representation's own anchors.
    /// </summary>
    /// <exception cref="SamplingException">Invalid options or anchors, or the decoder returned non-finite weights.</exception>
    public Tensor Generate(SamplerOptions options, int count, AnchorSet? anchors = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Decode(Fit(options, anchors), count, options.Seed);
    }

    /// <summary>Draws <paramref name="count"/> embeddings from a fitted sampler and decodes them to <c>[count, P]</c>.</summary>
    /// <exception cref="SamplingException">The sampler's dimension differs, or the decoder returned non-finite weights.</exception>
    public Tensor Decode(ILatentSampler sampler, int count, long seed)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        if (sampler.LatentDimension != hyperRepresentation.LatentDimension)
        {
            throw new SamplingException(
                $"The '{sampler.Method}' sampler draws {sampler.LatentDimension}-dimensional embeddings but the " +
                $"hyper-representation has {hyperRepresentation.LatentDimension}; fit it to this hyper-representation.");
        }

        var embeddings = sampler.Sample(count, seed); // [count, D]
        var weights = hyperRepresentation.Decode(embeddings); // [count, P]
        if (!weights.isfinite().all().item<bool>())
        {
            throw new SamplingException(
                $"The decoder returned NaN or infinite weights for '{sampler.Method}' samples; " +
                "check the hyper-representation checkpoint.");
        }

        return weights;
    }

    /// <summary>Selects the top fraction of the anchors and fits the sampler the options name.</summary>
    public ILatentSampler Fit(SamplerOptions options, AnchorSet? anchors = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var source = anchors ?? hyperRepresentation.Anchors;
        var selected = AnchorSelection.SelectTop(source, options.TopFraction); // [n, D]
        if (selected.shape[1] != hyperRepresentation.LatentDimension)
        {
            throw new SamplingException(
                $"Anchors have {selected.shape[1]} latent dimensions but the hyper-representation has " +
                $"{hyperRepresentation.LatentDimension}; encode them with this hyper-representation.");
        }

        return SamplerFactory.Fit(options, selected);
    }

    /// <summary>
    /// Encodes the models of a zoo the hyper-representation never saw, to use them as anchors (conditioning).
    /// </summary>
    /// <param name="architecture">The zoo's architecture; it must be the hyper-representation's network.</param>
    /// <param name="weights">Flat weights <c>[N, P]</c>, one row per model.</param>
    /// <param name="modelIds">Model id of each row.</param>
    /// <param name="epochs">Checkpoint epoch of each row.</param>
    /// <param name="accuracies">Test accuracy of each row, used by the top fraction.</param>
    /// <exception cref="SamplingException">Another architecture, mismatched shapes or non-finite weights.</exception>
    public AnchorSet EncodeZoo(ArchitectureSpec architecture, Tensor weights, IReadOnlyList<string> modelIds,
        IReadOnlyList<int> epochs, IReadOnlyList<double> accuracies)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var expected = hyperRepresentation.Architecture;
        if (!architecture.IsSameNetwork(expected))
        {
            throw new SamplingException(
                $"The zoo's architecture '{architecture.Name}' is not the network of this hyper-representation " +
                $"('{expected.Name}'); condition only on zoos of '{expected.Name}'.");
        }

        if (weights.dim() != 2 || weights.shape[1] != expected.ParameterCount || weights.shape[0] != modelIds.Count ||
            epochs.Count != modelIds.Count || accuracies.Count != modelIds.Count)
        {
            throw new SamplingException(
                $"Expected weights [{modelIds.Count}, {expected.ParameterCount}] with one id, epoch and accuracy " +
                $"per row, got weights [{string.Join(", ", weights.shape)}], {epochs.Count} epochs and " +
                $"{accuracies.Count} accuracies.");
        }

        if (!weights.isfinite().all().item<bool>())
        {
            throw new SamplingException("The zoo's weights contain NaN or infinite values; drop those models.");
        }

        return new AnchorSet(hyperRepresentation.Encode(weights), modelIds, epochs, accuracies);
    }
}
