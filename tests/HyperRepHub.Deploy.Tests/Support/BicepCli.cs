namespace HyperRepHub.Deploy.Tests.Support;

/// <summary>Runs the Bicep CLI through scripts/bicep.sh, which fetches it from NuGet on first use.</summary>
internal static class BicepCli
{
    // The first call may download the CLI package (about 40 MB) from NuGet.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("bash", [RepositoryPaths.BicepScript, .. arguments], Timeout);
}
