using HyperRepHub.Deploy.Tests.Support;

namespace HyperRepHub.Deploy.Tests;

public sealed class BicepLintTests
{
    public static TheoryData<string> BicepFiles() => new(RelativeBicepPaths());

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Lint_BicepFile_ReportsNoDiagnostics(string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Root, relativePath);

        var result = await BicepCli.RunAsync("lint", path);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.True(result.StandardOutput.Trim().Length == 0, result.Describe());
        Assert.True(result.StandardError.Trim().Length == 0, result.Describe());
    }

    [Fact]
    public void InfraFolder_BicepFiles_IncludeMainAndModules()
    {
        var files = RelativeBicepPaths();

        Assert.Contains(Path.Combine("infra", "main.bicep"), files);
        Assert.True(files.Count > 1, "infra/ should split the deployment into modules.");
    }

    private static List<string> RelativeBicepPaths() =>
        Directory.EnumerateFiles(RepositoryPaths.Infra, "*.bicep", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path))
            .Order(StringComparer.Ordinal)
            .ToList();
}
