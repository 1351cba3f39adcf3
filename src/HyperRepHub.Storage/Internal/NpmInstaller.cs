using System.Diagnostics;
using HyperRepHub.Storage.Local;

namespace HyperRepHub.Storage.Internal;

/// <summary>Finds the pinned Azurite package folder and installs it from its lock file with <c>npm ci</c>.</summary>
internal static class NpmInstaller
{
    private const string RelativeToolDirectory = "tools/azurite";

    public static string FindToolDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "package.json"))
                ? Path.GetFullPath(configured)
                : throw new AzuriteException(
                    $"{AzuriteOptions.SectionName}:{nameof(AzuriteOptions.ToolDirectory)} '{configured}' " +
                    "has no package.json. Point it at the repository's tools/azurite folder.");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, RelativeToolDirectory);
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }
        }

        throw new AzuriteException(
            $"Found no {RelativeToolDirectory}/package.json above the working or application directory. Set " +
            $"{AzuriteOptions.SectionName}:{nameof(AzuriteOptions.ToolDirectory)} or configure a storage account.");
    }

    public static string ExecutablePath(string toolDirectory) =>
        Path.Combine(toolDirectory, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");

    public static async Task InstallAsync(string toolDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = toolDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new AzuriteException("Could not start npm. Install Node.js and npm.");
        var output = new ProcessOutputTail(process);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AzuriteException($"npm ci in {toolDirectory} did not finish within {timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new AzuriteException(
                $"npm ci in {toolDirectory} failed with exit code {process.ExitCode}:\n{output.Text}");
        }
    }
}
