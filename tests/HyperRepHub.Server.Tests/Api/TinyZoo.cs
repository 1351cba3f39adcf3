using HyperRepHub.Api.V1;
using ZooClient = HyperRepHub.Api.V1.ZooService.ZooServiceClient;

namespace HyperRepHub.Server.Tests.Api;

/// <summary>A tiny CNN-s zoo uploaded over gRPC, and a hyper-representation config that trains in seconds.</summary>
internal static class TinyZoo
{
    public const int Models = 10;

    public static readonly int[] Epochs = [21, 22];

    /// <summary>Creates a zoo and uploads <paramref name="models"/> models at each of <see cref="Epochs"/>.</summary>
    public static async Task<string> UploadAsync(ZooClient client, int models = Models)
    {
        string zooId = $"zoo-{Guid.NewGuid():N}"[..20];
        await client.CreateZooAsync(new CreateZooRequest { ZooId = zooId, Architecture = "cnn-s", Dataset = "mnist" });
        for (int model = 0; model < models; model++)
        {
            foreach (int epoch in Epochs)
            {
                var metadata = ZooUploadClient.Metadata(zooId, $"model-{model}", epoch);
                metadata.TestAccuracy = 0.5 + 0.04 * model;
                var file = TestCheckpoints.Safetensors(TestCheckpoints.RandomWeights(model * 100 + epoch));
                await ZooUploadClient.UploadAsync(client, metadata, file);
            }
        }

        return zooId;
    }

    /// <summary>A two-epoch config with a 16-wide transformer and 8-dimensional embeddings.</summary>
    public static HyperRepresentationConfig TinyConfig(int epochs = 2)
    {
        var config = new HyperRepresentationConfig
        {
            DModel = 16, Heads = 2, EncoderBlocks = 1, DecoderBlocks = 1, FeedForward = 32, LatentDimension = 8,
            ProjectionLayers = 2, ProjectionHidden = 16, ProjectionOutput = 8, BatchSize = 4, Epochs = epochs,
        };
        config.ZooEpochs.Add(Epochs);
        return config;
    }
}
