using System.CommandLine;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// Adds the hub client commands to the command tree built from <see cref="CommandCatalog"/>. Runs after the local
/// commands are registered so that <c>zoo train</c>, <c>hyper-rep train</c> and <c>finetune</c> can merge with them.
/// </summary>
internal static class HubCommands
{
    public static void AddTo(RootCommand root)
    {
        var zoo = GetOrAddGroup(root, "zoo", "Model zoos: train, import, inspect and upload.");
        zoo.Subcommands.Add(UploadCommand.Create());
        HubCommandMerger.AddOrMerge(zoo, HubTrainCommands.CreateZooTrain(), "--out");
        var hyperRep = GetOrAddGroup(root, "hyper-rep", "Hyper-representations of zoos.");
        HubCommandMerger.AddOrMerge(hyperRep, HubTrainCommands.CreateHyperRepTrain(), "--out");
        HubCommandMerger.AddOrMerge(root, HubTrainCommands.CreateFineTune(), "--out");
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(DownloadCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(OpsCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
    }

    private static Command GetOrAddGroup(RootCommand root, string name, string description)
    {
        var group = root.Subcommands.FirstOrDefault(c => c.Name == name);
        if (group is null)
        {
            group = new Command(name, description);
            root.Subcommands.Add(group);
        }

        return group;
    }
}
