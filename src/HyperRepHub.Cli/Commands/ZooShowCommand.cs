using System.CommandLine;
using HyperRepHub.Core.Zoos;

namespace HyperRepHub.Cli.Commands;

/// <summary><c>hyperrep zoo show</c>: prints a zoo's manifest and per-model accuracy.</summary>
internal static class ZooShowCommand
{
    private static readonly Argument<string> Directory = new("directory") { Description = "Zoo folder." };

    private static readonly Option<bool> Verify = new("--verify")
    {
        Description = "Check every file against the SHA-256 in the manifest.",
    };

    private static readonly Option<bool> Json = CommonOptions.Json("the manifest");

    public static Command Create()
    {
        var command = new Command("show", "Show a zoo's models, splits and accuracy.") { Directory, Verify, Json };
        command.SetAction(parseResult => CommandErrors.Run(() => Run(parseResult)));
        return command;
    }

    private static int Run(ParseResult parseResult)
    {
        var zoo = Zoo.Open(parseResult.GetValue(Directory)!);
        ZooPrinter.Print(zoo, parseResult.GetValue(Json), Console.Out);
        if (!parseResult.GetValue(Verify))
        {
            return 0;
        }

        var problems = zoo.VerifyFiles();
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"error: {problem}");
        }

        Console.Error.WriteLine(problems.Count == 0 ? "All files match the manifest." : $"{problems.Count} problems.");
        return problems.Count == 0 ? 0 : 1;
    }
}
