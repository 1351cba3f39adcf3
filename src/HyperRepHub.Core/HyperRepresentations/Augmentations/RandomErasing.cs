using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Augmentations;

/// <summary>
/// Random erasing on flat weight vectors: with probability <c>probability</c>, a contiguous block of
/// between <c>minFraction</c> and <c>maxFraction</c> of the vector is set to 0, independently per row.
/// </summary>
public sealed record RandomErasing(double Probability, double MinFraction, double MaxFraction)
{
    /// <summary>
    /// Erases a block from each row of <paramref name="weights"/> <c>[N, P]</c> that the draw selects.
    /// </summary>
    public Tensor Apply(Tensor weights, Generator generator)
    {
        long samples = weights.shape[0], length = weights.shape[1];
        var selected = rand(samples, generator: generator) < Probability; // [N]
        var fraction = rand(samples, generator: generator) * (MaxFraction - MinFraction) + MinFraction;
        var blockLength = (fraction * length).floor(); // [N]
        var start = (rand(samples, generator: generator) * (length - blockLength + 1)).floor(); // [N]
        var position = arange(length, dtype: ScalarType.Float32).unsqueeze(0); // [1, P]
        var erased = position.ge(start.unsqueeze(1)) & position.lt((start + blockLength).unsqueeze(1)); // [N, P]
        return weights.masked_fill(erased & selected.unsqueeze(1), 0);
    }
}
