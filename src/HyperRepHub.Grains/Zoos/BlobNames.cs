namespace HyperRepHub.Grains.Zoos;

/// <summary>
/// Blob names of the domain grains' tensors inside the <see cref="HyperRepHub.Storage.CheckpointContainers"/>,
/// one folder per resource.
/// </summary>
public static class BlobNames
{
    /// <summary>A zoo checkpoint: <c>{zoo}/{model}/epoch-{n}.safetensors</c>.</summary>
    public static string ZooCheckpoint(string zooId, string modelId, int epoch) =>
        $"{zooId}/{modelId}/epoch-{epoch}.safetensors";

    /// <summary>The folder of every blob of one hyper-representation.</summary>
    public static string HyperRepresentationPrefix(string id) => $"{id}/";

    /// <summary>A hyper-representation checkpoint: <c>{id}/checkpoint-{step}.safetensors</c>.</summary>
    public static string HyperRepresentationCheckpoint(string id, int step) => $"{id}/checkpoint-{step}.safetensors";

    /// <summary>A population's weights at an epoch: <c>{id}/weights.safetensors</c> for the generated ones.</summary>
    public static string PopulationWeights(string id, int epoch) =>
        epoch == 0 ? $"{id}/weights.safetensors" : $"{id}/finetune/epoch-{epoch}.safetensors";
}
