using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Tests;

public sealed class ZooUploadPlanTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hyperrep-plan-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Scan_FlatFolder_ListsCheckpointFilesWithIdsFromNames()
    {
        File.WriteAllBytes(Path.Combine(_directory, "Seed_12.safetensors"), [0]);
        File.WriteAllBytes(Path.Combine(_directory, "run 3.pt"), [0]);
        File.WriteAllText(Path.Combine(_directory, "notes.txt"), "ignored");

        var plan = ZooUploadPlan.Scan(_directory, epoch: 5);

        Assert.Equal(ZooFolderLayout.CheckpointFiles, plan.Layout);
        Assert.Equal(["run-3", "seed-12"], plan.Items.Select(i => i.ModelId).Order());
        Assert.All(plan.Items, item => Assert.Equal(5, item.Epoch));
        Assert.Single(plan.Items, item => item.IsPyTorch);
    }

    [Fact]
    public void Scan_PublicZooLayout_DetectsCheckpointFolders()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "model_1", "checkpoint_000005"));

        var plan = ZooUploadPlan.Scan(_directory);

        Assert.Equal(ZooFolderLayout.PublicZoo, plan.Layout);
    }

    [Fact]
    public void Scan_EmptyFolder_ThrowsWithWhatToPass()
    {
        var error = Assert.Throws<HubClientException>(() => ZooUploadPlan.Scan(_directory));

        Assert.Contains(_directory, error.Message);
        Assert.Contains("pass a HyperRepHub zoo", error.Message);
    }
}
