namespace HyperRepHub.Deploy.Tests.Support;

/// <summary>Absolute paths of the repository files the deployment checks read.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    public static string MainParameters => Path.Combine(Infra, "main.parameters.json");

    public static string AzureYaml => Path.Combine(Root, "azure.yaml");

    public static string ConfigurationDoc => Path.Combine(Root, "docs", "configuration.md");

    public static string BicepScript => Path.Combine(Root, "scripts", "bicep.sh");

    public static string Docker => Path.Combine(Root, "docker");

    // The test assembly runs from tests/<project>/bin/<configuration>/<framework>; the solution file marks the root.
    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HyperRepHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No HyperRepHub.sln found above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
