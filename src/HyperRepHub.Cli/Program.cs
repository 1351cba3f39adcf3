using System.CommandLine;
using HyperRepHub.Cli.Commands;

var root = new RootCommand("hyperrep: train model zoos, learn hyper-representations and generate new weights.");
foreach (var command in CommandCatalog.Create())
{
    root.Subcommands.Add(command);
}

HubCommands.AddTo(root);

return await root.Parse(args).InvokeAsync();
