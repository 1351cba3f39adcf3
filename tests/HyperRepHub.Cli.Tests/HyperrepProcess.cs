using System.Diagnostics;
using System.Text;

namespace HyperRepHub.Cli.Tests;

/// <summary>Runs the built <c>hyperrep</c> CLI as a child process, as a user would.</summary>
internal sealed class HyperrepProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource _errorLineSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _awaitedErrorText;

    private HyperrepProcess(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hyperrep.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => OnErrorLine(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public string Error { get { lock (_error) { return _error.ToString(); } } }

    public int Id => _process.Id;

    public static HyperrepProcess Start(params string[] arguments) => new(arguments);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        int exitCode = await process.WaitForExitAsync(TimeSpan.FromMinutes(5));
        return (exitCode, process.Output, process.Error);
    }

    /// <summary>Completes when a stderr line contains <paramref name="text"/>.</summary>
    public Task WaitForErrorTextAsync(string text, TimeSpan timeout)
    {
        _awaitedErrorText = text;
        if (Error.Contains(text, StringComparison.Ordinal))
        {
            _errorLineSeen.TrySetResult();
        }

        return _errorLineSeen.Task.WaitAsync(timeout);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void OnErrorLine(string? line)
    {
        Append(_error, line);
        if (line is not null && _awaitedErrorText is { } text && line.Contains(text, StringComparison.Ordinal))
        {
            _errorLineSeen.TrySetResult();
        }
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }
}
