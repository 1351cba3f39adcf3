using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Demo;

public sealed partial class DemoPipeline
{
    /// <summary>
    /// Encodes both zoos' last checkpoints with the LWLN hyper-representation and projects the embeddings onto their
    /// first two principal components.
    /// </summary>
    private async Task<IReadOnlyList<LatentPoint>> EncodeLatentAsync(CancellationToken token)
    {
        var epoch = settings.EpochsToTrainOn.Max();
        var models = new List<(string ZooId, string ModelId, float[] Embedding, double Accuracy)>();
        foreach (var zooId in new[] { settings.ZooId, settings.UnseenZooId })
        {
            var zoo = await client.FindZooAsync(zooId, token)
                ?? throw new HubClientException($"Zoo '{zooId}' not found while encoding it.");
            var accuracy = zoo.Models.ToDictionary(m => m.ModelId,
                m => m.Checkpoints.LastOrDefault(c => c.Epoch == epoch)?.TestAccuracy ?? -1);
            var embeddings = await client.EncodeModelsAsync(settings.LwlnId, zooId, epoch, token);
            models.AddRange(embeddings.OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => (zooId, pair.Key, pair.Value, accuracy.GetValueOrDefault(pair.Key, -1))));
        }

        var projected = PrincipalComponents.Project2D(models.Select(m => m.Embedding).ToList());
        return models.Select((m, i) => new LatentPoint(m.ZooId, m.ModelId, projected[i].X, projected[i].Y, m.Accuracy))
            .ToList();
    }
}
