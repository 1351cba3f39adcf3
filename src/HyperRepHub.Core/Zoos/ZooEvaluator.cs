using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Zoos;

/// <summary>Recomputes a zoo's test accuracy from its checkpoints, to check imported or stored metrics.</summary>
public static class ZooEvaluator
{
    /// <summary>
    /// Evaluates every checkpoint on <paramref name="test"/>; returns one row per checkpoint with the recorded and the
    /// recomputed test accuracy (the recorded one is NaN when the record has no metrics for that epoch).
    /// </summary>
    public static IReadOnlyList<(string ModelId, int Epoch, double Recorded, double Recomputed)> RecomputeTestAccuracy(
        Zoo zoo, ImageDataset test)
    {
        ArgumentNullException.ThrowIfNull(zoo);
        var trainer = new PopulationTrainer(zoo.Architecture, test, test);
        var rows = new List<(string, int, double, double)>();
        foreach (var model in zoo.Models.Where(m => m.CheckpointEpochs.Count > 0))
        {
            using var scope = NewDisposeScope();
            var weights = stack(model.CheckpointEpochs.Select(e => tensor(zoo.LoadWeights(model.Id, e))).ToArray());
            var metrics = trainer.Evaluate(weights, onTestImages: true);
            for (int i = 0; i < model.CheckpointEpochs.Count; i++)
            {
                int epoch = model.CheckpointEpochs[i];
                rows.Add((model.Id, epoch, model.MetricsAt(epoch)?.TestAccuracy ?? double.NaN, metrics[i].Accuracy));
            }
        }

        return rows;
    }
}
