using HyperRepHub.Core.Training;

namespace HyperRepHub.Core.Tests.Training;

public sealed class ModelShardsTests
{
    [Fact]
    public void Split_TenModelsThreeShards_LargerShardFirst()
    {
        var shards = ModelShards.Split(10, 3);

        Assert.Equal([(0L, 4L), (4L, 3L), (7L, 3L)], shards);
    }

    [Fact]
    public void Split_MoreShardsThanModels_OneShardPerModel()
    {
        var shards = ModelShards.Split(2, 4);

        Assert.Equal([(0L, 1L), (1L, 1L)], shards);
    }

    [Fact]
    public void Split_ZeroShards_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelShards.Split(5, 0));
    }
}
