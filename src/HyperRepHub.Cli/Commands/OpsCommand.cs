using System.CommandLine;
using System.Globalization;
using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Commands;

/// <summary><c>hyperrep ops [list|show|cancel]</c>: lists, shows and cancels the hub's operations.</summary>
internal static class OpsCommand
{
    public static Command Create()
    {
        var kind = new Option<string?>("--kind") { Description = "Only operations of this kind, e.g. zoo.train." };
        var target = new Option<string?>("--target")
        {
            Description = "Only operations on this zoo, hyper-rep or population.",
        };
        var status = new Option<OperationStatus?>("--status") { Description = "Only operations in this state." };
        var limit = new Option<int>("--limit")
        {
            Description = "Maximum number of operations to list, 1 to 1000.",
            DefaultValueFactory = _ => 20,
        };
        limit.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value is < 1 or > 1000)
            {
                result.AddError($"Invalid --limit {value}: pass a number from 1 to 1000.");
            }
        });
        var command = new Command("ops", "List the hub's operations, newest first; 'ops show ID' and 'ops cancel ID'.");
        command.With(kind, target, status, limit);
        command.SetAction((parseResult, cancellationToken) => HubCommandContext.RunAsync(parseResult,
            cancellationToken, async (context, token) =>
            {
                using var client = context.Connect();
                var page = await client.ListOperationsAsync(parseResult.GetValue(kind), parseResult.GetValue(target),
                    parseResult.GetValue(status), parseResult.GetValue(limit), cancellationToken: token);
                if (context.Json)
                {
                    context.WriteJson(page.Operations);
                    return 0;
                }

                foreach (var operation in page.Operations)
                {
                    context.Output.WriteLine(FormatLine(operation));
                }

                return 0;
            }));
        command.Subcommands.Add(CreateSingle("show", "Show one operation.", (c, id, t) => c.GetOperationAsync(id, t)));
        command.Subcommands.Add(CreateSingle("cancel", "Request cancellation of an operation.",
            (c, id, t) => c.CancelOperationAsync(id, t)));
        return command;
    }

    /// <summary>Formats an operation as one line: id, kind, target, status, progress and message.</summary>
    public static string FormatLine(OperationInfo operation)
    {
        var status = operation.Status.ToString().ToLowerInvariant();
        var detail = operation.Error.Length > 0 ? operation.Error : operation.Message;
        return string.Create(CultureInfo.InvariantCulture,
            $"{operation.Id}  {operation.Kind,-18} {operation.TargetId,-24} {status,-9} "
            + $"{operation.Progress,5:P0}  {detail}");
    }

    private static Command CreateSingle(
        string name, string description, Func<HubClient, string, CancellationToken, Task<OperationInfo>> call)
    {
        var id = new Argument<string>("operation-id") { Description = "Id of the operation." };
        var command = new Command(name, description);
        command.Arguments.Add(id);
        command.With();
        command.SetAction((parseResult, cancellationToken) => HubCommandContext.RunAsync(parseResult,
            cancellationToken, async (context, token) =>
            {
                using var client = context.Connect();
                var operation = await call(client, parseResult.GetRequiredValue(id), token);
                if (context.Json)
                {
                    context.WriteJson(operation);
                }
                else
                {
                    context.Output.WriteLine(FormatLine(operation));
                }

                return 0;
            }));
        return command;
    }
}
