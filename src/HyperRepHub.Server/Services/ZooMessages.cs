using Google.Protobuf.WellKnownTypes;
using HyperRepHub.Api.V1;
using HyperRepHub.Grains.Zoos;

namespace HyperRepHub.Server.Services;

/// <summary>Converts zoo grain records to their gRPC messages.</summary>
internal static class ZooMessages
{
    public static Zoo ToMessage(ZooDetails details)
    {
        var architecture = Core.Architectures.ArchitectureSpec.FromJson(details.Definition.ArchitectureJson);
        var zoo = new Zoo
        {
            ZooId = details.ZooId,
            ArchitectureJson = details.Definition.ArchitectureJson,
            Dataset = details.Definition.Dataset,
            Description = details.Definition.Description,
            ParameterCount = architecture.ParameterCount,
            CreatedAt = Timestamp.FromDateTimeOffset(details.CreatedAt),
            TrainingOperationId = details.TrainingOperationId ?? "",
        };
        foreach (var model in details.Checkpoints.GroupBy(c => c.ModelId, StringComparer.Ordinal))
        {
            var message = new ZooModel { ModelId = model.Key, Seed = model.First().Seed };
            message.Checkpoints.Add(model.Select(c => new Api.V1.ZooCheckpoint
            {
                Epoch = c.Epoch,
                TestAccuracy = c.TestAccuracy,
                SizeBytes = c.SizeBytes,
                Sha256 = c.Sha256,
            }));
            zoo.Models.Add(message);
        }

        return zoo;
    }
}
