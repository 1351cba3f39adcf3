using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Zoos;

namespace HyperRepHub.Cli.Commands;

/// <summary>Turns the expected failures of a command (bad input, missing or corrupt files) into one error line.</summary>
internal static class CommandErrors
{
    /// <summary>Exit code of a command that failed on its input.</summary>
    public const int Failed = 1;

    public static int Run(Func<int> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is ZooFormatException or DatasetNotFoundException or DatasetFormatException
                                       or ArchitectureException or ArgumentException or KeyNotFoundException)
        {
            Console.Error.WriteLine($"error: {UserMessage(ex)}");
            return Failed;
        }
    }

    /// <summary>The exception's message without the " (Parameter 'name')" suffix that ArgumentException appends.</summary>
    public static string UserMessage(Exception ex) =>
        ex is ArgumentException { ParamName: not null } argument
            ? argument.Message.Replace($" (Parameter '{argument.ParamName}')", string.Empty, StringComparison.Ordinal)
            : ex.Message;
}
