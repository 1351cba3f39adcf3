namespace HyperRepHub.Grains.HyperRepresentations;

/// <summary>What a finished training operation reports back to its hyper-representation.</summary>
/// <param name="ModelBlobPrefix">Folder in the <c>hyperreps</c> container with the saved model, complete.</param>
/// <param name="Quality">Named quality figures.</param>
/// <param name="LayerStd">Standard deviation of each parameter layer over the training split.</param>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.HyperRepresentations.HyperRepresentationTrainingResult")]
public sealed record HyperRepresentationTrainingResult(
    [property: Id(0)] string ModelBlobPrefix,
    [property: Id(1)] IReadOnlyDictionary<string, double> Quality,
    [property: Id(2)] IReadOnlyList<double> LayerStd);
