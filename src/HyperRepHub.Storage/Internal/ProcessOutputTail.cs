using System.Diagnostics;

namespace HyperRepHub.Storage.Internal;

/// <summary>
/// Drains a child process's standard output and error, so its pipes never fill, and keeps the last lines for
/// error messages.
/// </summary>
internal sealed class ProcessOutputTail
{
    private const int MaxLines = 40;
    private readonly Queue<string> _lines = new();

    public ProcessOutputTail(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Text
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
