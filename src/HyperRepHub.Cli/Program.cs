using System.CommandLine;
using System.CommandLine.Invocation;
using HyperRepHub.Cli.Commands;

var root = new RootCommand("hyperrep: train model zoos, learn hyper-representations and generate new weights.");
foreach (var command in CommandCatalog.Create())
{
    root.Subcommands.Add(command);
}

HubCommands.AddTo(root);
WholeNumberOptions.Apply(root);

// Ctrl-C cancels the running command's token; allow a training step and an epoch's file writes time to finish.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
var parseResult = root.Parse(args);
if (parseResult.Action is ParseErrorAction parseError)
{
    // Each parse error names the option and the fix; a full help page after it would push it out of sight.
    parseError.ShowHelp = false;
}

return await parseResult.InvokeAsync(invocation);
