using System.CommandLine;

namespace HyperRepHub.Cli.Commands;

/// <summary><c>hyperrep zoo</c>: train, import and inspect model zoos on this machine.</summary>
internal static class ZooCommand
{
    public static Command Create()
    {
        var command = new Command("zoo", "Train, import and inspect model zoos in local folders.");
        command.Subcommands.Add(ZooTrainCommand.Create());
        command.Subcommands.Add(ZooImportCommand.Create());
        command.Subcommands.Add(ZooShowCommand.Create());
        return command;
    }
}
