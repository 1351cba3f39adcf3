using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Grains.HyperRepresentations;

namespace HyperRepHub.Grains.Tests.HyperRepresentations;

public sealed class HyperRepresentationConfigsTests
{
    [Fact]
    public void ToConfig_DefaultSettings_IsTheCpuPreset()
    {
        var config = HyperRepresentationConfigs.ToConfig(new HyperRepresentationSettings());

        Assert.Empty(config.DifferencesFrom(HyperRepConfig.CpuDefault));
    }
}
