using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Checkpoints;
using HyperRepHub.Core.HyperRepresentations.Training;
using HyperRepHub.Core.Zoos;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Storage;
using static TorchSharp.torch;

namespace HyperRepHub.Grains.Zoos;

/// <summary>A zoo's checkpoints at chosen epochs, read from blob storage and split by model.</summary>
/// <param name="Architecture">The zoo's architecture.</param>
/// <param name="Splits">Checkpoints of each split, in model then epoch order.</param>
public sealed record ZooWeights(ArchitectureSpec Architecture, IReadOnlyDictionary<ZooSplit, ZooWeightRows> Splits);

/// <summary>Flat weights of several checkpoints with their ids, epochs and accuracies.</summary>
public sealed record ZooWeightRows(float[][] Weights, string[] ModelIds, int[] Epochs, double[] Accuracies)
{
    /// <summary>Number of checkpoints.</summary>
    public int Count => ModelIds.Length;

    /// <summary>Stacks the rows into a <see cref="WeightSet"/> of float32 <c>[N, P]</c>.</summary>
    public WeightSet ToWeightSet(int parameterCount)
    {
        var flat = Weights.SelectMany(w => w).ToArray();
        var stacked = tensor(flat).reshape(Count, parameterCount); // [N, P]
        return new WeightSet(stacked, ModelIds, Epochs, Accuracies);
    }
}

/// <summary>Reads zoo checkpoints from blob storage, checking each one against the architecture.</summary>
public sealed class ZooWeightLoader(ICheckpointStore store, IGrainFactory grainFactory)
{
    /// <summary>
    /// Reads the checkpoints of <paramref name="zooId"/> at <paramref name="epochs"/> and splits them by model
    /// (70% train, 15% validation, 15% test, seeded), so no model contributes to two splits.
    /// </summary>
    /// <exception cref="HubException">NotFound for an unknown zoo, FailedPrecondition when nothing matches.</exception>
    public async Task<ZooWeights> LoadAsync(string zooId, IReadOnlyCollection<int> epochs,
        CancellationToken cancellationToken)
    {
        var zoo = await grainFactory.GetGrain<IZooGrain>(zooId).GetAsync();
        var spec = ArchitectureSpec.FromJson(zoo.Definition.ArchitectureJson);
        var splits = new Dictionary<ZooSplit, ZooWeightRows>();
        foreach (var (split, rows) in ZooCheckpointSplits.Assign(zoo, epochs))
        {
            var weights = new float[rows.Length][];
            for (int i = 0; i < rows.Length; i++)
            {
                weights[i] = await ReadAsync(spec, rows[i].BlobName, cancellationToken);
            }

            splits[split] = new ZooWeightRows(weights, [.. rows.Select(r => r.ModelId)],
                [.. rows.Select(r => r.Epoch)], [.. rows.Select(r => Math.Max(0, r.TestAccuracy))]);
        }

        return new ZooWeights(spec, splits);
    }

    private async Task<float[]> ReadAsync(ArchitectureSpec spec, string blobName, CancellationToken cancellationToken)
    {
        await using var blob = await store.OpenReadAsync(CheckpointContainers.Zoos, blobName, cancellationToken);
        var checkpoint = await SafetensorsCheckpointReader.ReadAsync(blob, spec, cancellationToken: cancellationToken);
        return checkpoint.Weights;
    }
}
