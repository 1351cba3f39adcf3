using HyperRepHub.Core.Architectures;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations;

/// <summary>
/// A trained hyper-representation: an encoder from flat weight vectors to embeddings z in (-1, 1)^D and a
/// decoder back. Samplers and evaluation depend only on this surface.
/// </summary>
public interface IHyperRepresentation
{
    /// <summary>The architecture whose weights this hyper-representation encodes.</summary>
    ArchitectureSpec Architecture { get; }

    /// <summary>Dimension D of the embeddings.</summary>
    int LatentDimension { get; }

    /// <summary>Embeddings of the zoo's training split, with each model's accuracy: what samplers draw around.</summary>
    AnchorSet Anchors { get; }

    /// <summary>
    /// Returns flat weights <c>[N, P]</c> with each model's neurons in the order this hyper-representation was
    /// trained on; the weights themselves when it does not align neurons. Aligned models compute the same functions.
    /// </summary>
    Tensor Align(Tensor weights);

    /// <summary>
    /// Encodes flat weights <c>[N, P]</c> to embeddings <c>[N, D]</c> in evaluation mode, without gradients, after
    /// <see cref="Align"/>.
    /// </summary>
    Tensor Encode(Tensor weights);

    /// <summary>Decodes embeddings <c>[N, D]</c> to flat weights <c>[N, P]</c> in evaluation mode, without gradients.</summary>
    Tensor Decode(Tensor embeddings);
}
