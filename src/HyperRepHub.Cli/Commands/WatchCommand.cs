using System.CommandLine;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep watch OPERATION_ID [--timeout DURATION]</c>: follows an operation with a progress bar until it is
/// final. Exits 0 when it succeeded, 1 when it failed or was cancelled or the timeout passed, and 130 on Ctrl-C.
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("operation-id") { Description = "Id of the operation, as 'hyperrep ops' lists." };
        var timeout = new Option<TimeSpan?>("--timeout")
        {
            Description = "Stop waiting after this long, e.g. 90s, 10m or 1h30m, and exit with code 1; the " +
                "operation keeps running on the hub (default: no limit).",
            CustomParser = DurationParser.ParsePositive,
        };
        var command = new Command("watch",
            "Follow a hub operation until it ends, with a live progress bar; reconnects when the connection drops.");
        command.Arguments.Add(id);
        command.With(timeout);
        command.SetAction((parseResult, cancellationToken) => HubCommandContext.RunAsync(parseResult,
            cancellationToken, async (context, token) =>
            {
                using var client = context.Connect();
                var operationId = parseResult.GetRequiredValue(id);
                var final = await WatchOperation.WaitAsync(client, operationId, context.Error, token,
                    parseResult.GetValue(timeout));
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
