namespace HyperRepHub.Core.Checkpoints;

/// <summary>One tensor entry of a safetensors header.</summary>
/// <param name="Name">The key as it appears in the file.</param>
/// <param name="Dtype">Element type.</param>
/// <param name="Shape">Dimensions, outermost first.</param>
/// <param name="Begin">Start of the tensor's bytes, relative to the data section after the header.</param>
/// <param name="End">End (exclusive) of the tensor's bytes, relative to the data section.</param>
internal sealed record SafetensorsTensorInfo(string Name, SafetensorsDtype Dtype, long[] Shape, long Begin, long End)
{
    public long ElementCount => Shape.Aggregate(1L, (product, dimension) => product * dimension);
}
