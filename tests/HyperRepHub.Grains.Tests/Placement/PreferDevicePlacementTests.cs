using HyperRepHub.Grains.Placement;
using Orleans.TestingHost;

namespace HyperRepHub.Grains.Tests.Placement;

public sealed class PreferDevicePlacementTests
{
    private const int GrainCount = 24;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PreferDevice_CudaSiloPresent_PlacesEveryGrainOnIt()
    {
        string? cudaName = null;
        await using var cluster = await StartClusterAsync(3, siloName => (cudaName ??= siloName) == siloName);
        var cudaSilo = cluster.Silos.Single(silo => silo.Name == cudaName).SiloAddress.ToParsableString();

        var placements = await PlaceProbesAsync(cluster);

        Assert.All(placements, silo => Assert.Equal(cudaSilo, silo));
    }

    [Fact]
    public async Task PreferDevice_OnlyCpuSilos_FallsBackToCpuSilos()
    {
        await using var cluster = await StartClusterAsync(2, _ => false);
        var silos = cluster.Silos.Select(silo => silo.SiloAddress.ToParsableString()).ToHashSet();

        var placements = await PlaceProbesAsync(cluster);

        Assert.Equal(GrainCount, placements.Count);
        Assert.All(placements, silo => Assert.Contains(silo, silos));
    }

    private static async Task<InProcessTestCluster> StartClusterAsync(short silos, Func<string, bool> isCuda)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((options, silo) =>
            silo.AddDevicePlacement(isCuda(options.SiloName) ? SiloDevices.Cuda : SiloDevices.Cpu));
        var cluster = builder.Build();
        await cluster.DeployAsync().WaitAsync(Timeout);
        return cluster;
    }

    private static async Task<List<string>> PlaceProbesAsync(InProcessTestCluster cluster)
    {
        var calls = Enumerable.Range(0, GrainCount)
            .Select(key => cluster.Client.GetGrain<IDeviceProbeGrain>(key).GetSiloAsync());
        return [.. await Task.WhenAll(calls).WaitAsync(Timeout)];
    }
}
