using System.Diagnostics;
using System.Text;

namespace HyperRepHub.Deploy.Tests.ContainerApps;

/// <summary>
/// Collects a child process's stdout and stderr lines and completes waits for a line containing given text.
/// </summary>
internal sealed class OutputLog
{
    private readonly object _gate = new();
    private readonly StringBuilder _text = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waits = [];

    public OutputLog(Process process)
    {
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
    }

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> lines containing <paramref name="text"/> have appeared.</summary>
    public async Task WaitForAsync(string text, TimeSpan timeout, int count = 1)
    {
        for (var seen = 0; seen < count; seen++)
        {
            await WaitForNextAsync(text, seen, timeout);
        }
    }

    private Task WaitForNextAsync(string text, int alreadySeen, TimeSpan timeout)
    {
        lock (_gate)
        {
            var occurrences = _text.ToString().Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));
            if (occurrences > alreadySeen)
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((text, seen));
            return seen.Task.WaitAsync(timeout);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _text.AppendLine(line);
            foreach (var wait in _waits.Where(wait => line.Contains(wait.Text, StringComparison.Ordinal)).ToList())
            {
                _waits.Remove(wait);
                wait.Seen.TrySetResult();
            }
        }
    }
}
