using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace HyperRepHub.Deploy.Tests.ContainerApps;

/// <summary>HyperRepHub.Server as a child process with exactly the environment variables it is given.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    // Variable prefixes the server reads; inherited ones are removed so only the given environment applies.
    private static readonly string[] ServerPrefixes =
        ["HyperRepHub__", "Orleans__", "AZURE_", "OTEL_", "IDENTITY_", "MSI_", "ASPNETCORE_", "DOTNET_ENVIRONMENT"];

    private readonly Process _process;

    private ServerProcess(Process process)
    {
        _process = process;
        Output = new OutputLog(process);
    }

    public OutputLog Output { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Path of the server assembly that the build of this test project produced.</summary>
    public static string AssemblyPath =>
        typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "ServerAssemblyPath").Value!;

    public static ServerProcess Start(IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        startInfo.ArgumentList.Add(AssemblyPath);
        foreach (var inherited in startInfo.Environment.Keys.Where(IsServerVariable).ToList())
        {
            startInfo.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Failed to start the server.");
        var server = new ServerProcess(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Sends SIGTERM, as Container Apps does when it stops a replica, and waits for the exit.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        var processId = _process.Id.ToString(CultureInfo.InvariantCulture);
        using var kill = Process.Start("kill", ["-TERM", processId]);
        await kill.WaitForExitAsync().WaitAsync(timeout);
        await _process.WaitForExitAsync().WaitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        _process.Dispose();
    }

    private static bool IsServerVariable(string name) =>
        ServerPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));
}
