namespace HyperRepHub.Grains.HyperRepresentations;

/// <summary>A hyper-representation's lineage, configuration, status and quality.</summary>
/// <param name="Id">The hyper-representation id.</param>
/// <param name="ZooId">The zoo it was trained on.</param>
/// <param name="Settings">Training options.</param>
/// <param name="Status">Training status.</param>
/// <param name="OperationId">The training operation.</param>
/// <param name="Quality">Named quality figures, for example reconstruction R² on the test split.</param>
/// <param name="LayerStd">Standard deviation of each parameter layer over the training split.</param>
/// <param name="ModelBlobPrefix">Folder in the <c>hyperreps</c> container with the saved model, once trained.</param>
/// <param name="CreatedAt">When training was requested.</param>
/// <param name="Error">Why training failed, when it did.</param>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.HyperRepresentations.HyperRepresentationDetails")]
public sealed record HyperRepresentationDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string ZooId,
    [property: Id(2)] HyperRepresentationSettings Settings,
    [property: Id(3)] HyperRepresentationStatus Status,
    [property: Id(4)] string OperationId,
    [property: Id(5)] IReadOnlyDictionary<string, double> Quality,
    [property: Id(6)] IReadOnlyList<double> LayerStd,
    [property: Id(7)] string? ModelBlobPrefix,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] string? Error);
