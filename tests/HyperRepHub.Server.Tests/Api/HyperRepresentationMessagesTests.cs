using HyperRepHub.Api.V1;
using HyperRepHub.Grains.HyperRepresentations;
using HyperRepHub.Server.Services;

namespace HyperRepHub.Server.Tests.Api;

public sealed class HyperRepresentationMessagesTests
{
    [Fact]
    public void ToSettings_EmptyConfig_TakesHubDefaults()
    {
        var settings = HyperRepresentationMessages.ToSettings(new HyperRepresentationConfig());

        Assert.Equal(new HyperRepresentationSettings().LatentDimension, settings.LatentDimension);
        Assert.Equal(new HyperRepresentationSettings().Dropout, settings.Dropout);
        Assert.True(settings.Denoise);
        Assert.True(settings.AlignNeurons);
        Assert.Equal(0.5, settings.LatentNoise);
    }

    [Fact]
    public void ToSettings_Switches_TurnDefaultsOff()
    {
        var settings = HyperRepresentationMessages.ToSettings(new HyperRepresentationConfig
        {
            ReconstructAugmentedViews = true, DisableNeuronAlignment = true, LatentNoise = 0, NoiseStd = 0.01,
        });

        Assert.False(settings.Denoise);
        Assert.False(settings.AlignNeurons);
        Assert.Equal(0, settings.LatentNoise);
        Assert.Equal(0.01, settings.NoiseStd);
    }
}
