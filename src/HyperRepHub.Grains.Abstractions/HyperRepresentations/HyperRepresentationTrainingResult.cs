namespace HyperRepHub.Grains.HyperRepresentations;

/// <summary>What a finished training operation reports back to its hyper-representation.</summary>
/// <param name="ModelBlobName">Blob in the <c>hyperreps</c> container holding the trained model; already complete.</param>
/// <param name="Quality">Named quality figures.</param>
/// <param name="LayerStd">Standard deviation of each parameter layer over the training split.</param>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.HyperRepresentations.HyperRepresentationTrainingResult")]
public sealed record HyperRepresentationTrainingResult(
    [property: Id(0)] string ModelBlobName,
    [property: Id(1)] IReadOnlyDictionary<string, double> Quality,
    [property: Id(2)] IReadOnlyList<double> LayerStd);
