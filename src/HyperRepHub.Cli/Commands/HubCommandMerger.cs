using System.CommandLine;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// Joins a local command and its hub version under one name: the local action runs when the local-path option
/// (for example <c>--out</c>) is given, the hub version otherwise.
/// </summary>
internal static class HubCommandMerger
{
    /// <summary>
    /// Adds <paramref name="remote"/> to <paramref name="group"/>, or merges it into the group's existing subcommand
    /// of the same name. Returns the command now in the group.
    /// </summary>
    public static Command AddOrMerge(Command group, Command remote, string localPathOption)
    {
        var local = group.Subcommands.FirstOrDefault(c => c.Name == remote.Name);
        if (local is null)
        {
            group.Subcommands.Add(remote);
            return remote;
        }

        Merge(local, remote, localPathOption);
        return local;
    }

    /// <summary>Moves the hub options into <paramref name="local"/> and picks the action per invocation.</summary>
    public static void Merge(Command local, Command remote, string localPathOption)
    {
        var localAction = local.Action;
        var remoteAction = remote.Action;
        var names = local.Options.Select(o => o.Name).ToHashSet();
        foreach (var option in remote.Options.Where(o => !names.Contains(o.Name)).ToList())
        {
            remote.Options.Remove(option);
            local.Options.Add(option);
        }

        // A local option that is required (such as --zoo) is only required when running locally.
        var required = local.Options.Where(o => o.Required).ToList();
        required.ForEach(o => o.Required = false);
        local.Description = $"{local.Description} With {localPathOption} it runs here; without, on the hub at --hub.";
        local.SetAction((parseResult, cancellationToken) =>
        {
            var runsLocally = parseResult.GetResult(local.Options.First(o => o.Name == localPathOption)) is not null;
            var missing = required.FirstOrDefault(o => parseResult.GetResult(o) is null);
            if (runsLocally && missing is not null)
            {
                parseResult.InvocationConfiguration.Error.WriteLine(
                    $"error: missing {missing.Name}: running locally with {localPathOption} needs it.");
                return Task.FromResult(1);
            }

            var action = runsLocally ? localAction : remoteAction;
            return action switch
            {
                System.CommandLine.Invocation.AsynchronousCommandLineAction asynchronous =>
                    asynchronous.InvokeAsync(parseResult, cancellationToken),
                System.CommandLine.Invocation.SynchronousCommandLineAction synchronous =>
                    Task.FromResult(synchronous.Invoke(parseResult)),
                _ => Task.FromResult(0),
            };
        });
    }
}
