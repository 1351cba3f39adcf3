using System.CommandLine;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep hyper-rep</c>: train a hyper-representation on a local zoo folder, report its reconstruction
/// quality, and time its training step. These commands run the ML core in-process and need no hub.
/// </summary>
/// <remarks>
/// The group cannot be called <c>hyperrep</c>: System.CommandLine 3.0 registers the root command's name (the
/// executable's, also <c>hyperrep</c>) as a token, and a child with the same name makes every parse throw.
/// </remarks>
internal static class HyperRepCommand
{
    public static Command Create()
    {
        var command = new Command("hyper-rep",
            "Train a hyper-representation (a transformer autoencoder over a zoo's weights) and check its quality.");
        command.Subcommands.Add(HyperRepTrainCommand.Create());
        command.Subcommands.Add(HyperRepReportCommand.Create());
        command.Subcommands.Add(HyperRepBenchmarkCommand.Create());
        return command;
    }
}
