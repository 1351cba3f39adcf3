using System.Globalization;
using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// Draws an operation's progress on one terminal line, or prints a line per 10% when the output is redirected.
/// </summary>
internal sealed class WatchProgressBar(TextWriter writer, bool interactive, int width = 30)
{
    private int _lastDecile = -1;
    private string _lastLine = "";

    /// <summary>Creates a bar on standard error, interactive when standard error is a terminal.</summary>
    public static WatchProgressBar ForConsole(TextWriter writer) => new(writer, !Console.IsErrorRedirected);

    /// <summary>Renders one line: bar, percentage, step, status, metrics and message.</summary>
    public string Render(OperationInfo state)
    {
        var fraction = Math.Clamp(state.Progress, 0, 1);
        var filled = (int)Math.Round(fraction * width);
        var steps = state.TotalSteps > 0 ? $" {state.Step}/{state.TotalSteps}" : "";
        var metrics = string.Join(" ", state.Metrics.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(3).Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key}={pair.Value:G4}")));
        var status = state.Status.ToString().ToLowerInvariant();
        var line = $"[{new string('#', filled)}{new string('.', width - filled)}] {fraction,4:P0}{steps} {status}";
        if (metrics.Length > 0)
        {
            line += $" {metrics}";
        }

        return state.Message.Length > 0 ? $"{line} {state.Message}" : line;
    }

    /// <summary>Shows <paramref name="state"/>; ends the line when the state is final.</summary>
    public void Update(OperationInfo state)
    {
        var line = Render(state);
        if (interactive)
        {
            writer.Write($"\r{line.PadRight(_lastLine.Length)}");
            _lastLine = line;
            if (state.Done)
            {
                EndLine();
            }

            return;
        }

        var decile = (int)(Math.Clamp(state.Progress, 0, 1) * 10);
        if (decile != _lastDecile || state.Done)
        {
            writer.WriteLine(line);
            _lastDecile = decile;
        }
    }

    /// <summary>Ends a bar line that is still open, so that text printed next starts on a line of its own.</summary>
    public void EndLine()
    {
        if (interactive && _lastLine.Length > 0)
        {
            writer.WriteLine();
            _lastLine = "";
        }
    }

    /// <summary>Notes a reconnect on its own line so the bar resumes below it.</summary>
    public void Reconnecting(int attempt, string reason)
    {
        EndLine();
        writer.WriteLine($"watch: {reason}; reconnecting (attempt {attempt})");
    }
}
