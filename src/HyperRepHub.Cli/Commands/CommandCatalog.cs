using System.CommandLine;

namespace HyperRepHub.Cli.Commands;

/// <summary>The top-level commands of <c>hyperrep</c>, in help order.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create()
    {
        // Each command group lives in its own file under Commands/ and adds one line here.
        yield return ZooCommand.Create();
        yield return HyperRepCommand.Create();
        yield return SampleCommand.Create();
        yield return EvaluateCommand.Create();
        yield return FineTuneCommand.Create();
        yield return EnsembleCommand.Create();
        yield return SampleBenchmarkCommand.Create();
    }
}
