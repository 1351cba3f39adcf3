using System.Text.Json.Nodes;
using HyperRepHub.Deploy.Tests.Support;

namespace HyperRepHub.Deploy.Tests;

/// <summary>
/// Evaluates the projects the way docker/Dockerfile.gpu publishes them, without restoring: the CUDA package
/// is not on this machine's feed, but the package swap itself can be checked.
/// </summary>
public sealed class GpuImageTests
{
    private static readonly string CoreProject =
        Path.Combine(RepositoryPaths.Root, "src", "HyperRepHub.Core", "HyperRepHub.Core.csproj");

    [Fact]
    public async Task CudaTargets_CoreProject_ReferencesCuda()
    {
        var targets = Path.Combine(RepositoryPaths.Docker, "TorchSharpCuda.targets");

        var references = await PackageReferencesAsync($"-p:CustomAfterMicrosoftCommonTargets={targets}");

        Assert.Contains("TorchSharp-cuda-linux", references);
        Assert.DoesNotContain("TorchSharp-cpu", references);
    }

    [Fact]
    public async Task DefaultBuild_CoreProject_ReferencesCpuPackage()
    {
        var references = await PackageReferencesAsync();

        Assert.Contains("TorchSharp-cpu", references);
        Assert.DoesNotContain("TorchSharp-cuda-linux", references);
    }

    [Fact]
    public void Dockerfiles_FinalStage_RunsAsNonRootUser()
    {
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.Docker, "Dockerfile*"))
        {
            var finalStage = File.ReadAllText(path).Split("\nFROM ").Last();
            var user = finalStage.Split('\n').LastOrDefault(line => line.StartsWith("USER ", StringComparison.Ordinal));

            Assert.True(user is not null, $"{path} sets no USER in its final stage.");
            Assert.DoesNotContain("root", user);
            Assert.NotEqual("USER 0", user.Trim());
        }
    }

    private static async Task<IReadOnlyList<string>> PackageReferencesAsync(params string[] properties)
    {
        var result = await ProcessRunner.RunAsync(
            "dotnet", ["msbuild", CoreProject, "-getItem:PackageReference", .. properties], TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.Describe());

        var items = JsonNode.Parse(result.StandardOutput)!["Items"]!["PackageReference"]!.AsArray();
        return items.Select(item => item!["Identity"]!.GetValue<string>()).ToList();
    }
}
