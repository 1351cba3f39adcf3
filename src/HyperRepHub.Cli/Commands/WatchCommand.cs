using System.CommandLine;

namespace HyperRepHub.Cli.Commands;

/// <summary><c>hyperrep watch OPERATION_ID</c>: follows an operation with a progress bar until it is final.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("operation-id") { Description = "Id of the operation, as 'hyperrep ops' lists." };
        var command = new Command("watch",
            "Follow a hub operation until it ends, with a live progress bar; reconnects when the connection drops.");
        command.Arguments.Add(id);
        command.With();
        command.SetAction((parseResult, cancellationToken) => HubCommandContext.RunAsync(parseResult,
            cancellationToken, async (context, token) =>
            {
                using var client = context.Connect();
                var operationId = parseResult.GetRequiredValue(id);
                var final = await WatchOperation.WaitAsync(client, operationId, context.Error, token);
                if (context.Json)
                {
                    context.WriteJson(final);
                }
                else
                {
                    context.Output.WriteLine($"{final.Id} {final.Kind} on '{final.TargetId}': succeeded");
                }

                return 0;
            }));
        return command;
    }
}
