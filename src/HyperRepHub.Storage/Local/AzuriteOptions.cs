namespace HyperRepHub.Storage.Local;

/// <summary>How the server runs the local Azurite it uses when no storage account is configured.</summary>
public sealed class AzuriteOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "HyperRepHub:Azurite";

    /// <summary>Where Azurite keeps its data. Default: <c>.azurite</c> under the working directory.</summary>
    public string DataDirectory { get; set; } = ".azurite";

    /// <summary>
    /// The folder with Azurite's <c>package.json</c> and lock file. Default: empty, which searches for
    /// <c>tools/azurite</c> upwards from the working directory and then from the application's directory.
    /// </summary>
    public string? ToolDirectory { get; set; }

    /// <summary>Blob service port on 127.0.0.1, or 0 for a free port. Default: 10000.</summary>
    public int BlobPort { get; set; } = 10000;

    /// <summary>Queue service port on 127.0.0.1, or 0 for a free port. Default: 10001.</summary>
    public int QueuePort { get; set; } = 10001;

    /// <summary>Table service port on 127.0.0.1, or 0 for a free port. Default: 10002.</summary>
    public int TablePort { get; set; } = 10002;

    /// <summary>Whether to use an Azurite that already responds on the configured ports. Default: true.</summary>
    public bool ReuseRunning { get; set; } = true;

    /// <summary>How long to wait for a started Azurite to respond. Default: 60 seconds.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long <c>npm ci</c> may take when Azurite is not installed yet. Default: 5 minutes.</summary>
    public TimeSpan InstallTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
