using HyperRepHub.Core.Training;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// Shows training progress on stderr: a bar redrawn in place on a terminal, or one line per epoch when stderr is
/// redirected. Reports arrive on the training thread, so no synchronisation is needed.
/// </summary>
internal sealed class ConsoleProgressBar(TextWriter output) : IProgress<TrainingProgress>
{
    private const int Width = 30;
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private DateTime _lastDraw = DateTime.MinValue;

    public void Report(TrainingProgress value)
    {
        if (value.MeanTestAccuracy is { } accuracy)
        {
            ClearLine();
            output.WriteLine($"epoch {value.Epoch}/{value.Epochs} complete: mean test accuracy {accuracy:P2}");
            return;
        }

        if (!_interactive || DateTime.UtcNow - _lastDraw < TimeSpan.FromMilliseconds(200))
        {
            return;
        }

        _lastDraw = DateTime.UtcNow;
        int filled = value.Step * Width / Math.Max(1, value.StepsPerEpoch);
        output.Write($"\repoch {value.Epoch}/{value.Epochs} [{new string('#', filled)}{new string('.', Width - filled)}] " +
            $"step {value.Step}/{value.StepsPerEpoch}");
    }

    public void Finish() => ClearLine();

    private void ClearLine()
    {
        if (_interactive)
        {
            output.Write("\r" + new string(' ', Width + 40) + "\r");
        }
    }
}
