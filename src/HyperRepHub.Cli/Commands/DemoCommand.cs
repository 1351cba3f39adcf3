using System.CommandLine;
using Grpc.Core;
using HyperRepHub.Cli.Client;
using HyperRepHub.Cli.Demo;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep demo</c>: runs the whole method on a running hub through gRPC only (zoo, hyper-representations with
/// and without LWLN, populations, fine-tuning, ensembles) and writes the results table and plots.
/// <c>scripts/demo.sh</c> starts the hub first and stops it afterwards.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var preset = new Option<string>("--preset")
        {
            Description = "Size: 'fast' (30 models, the demo) or 'tiny' (a few models, one epoch; seconds).",
            DefaultValueFactory = _ => "fast",
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for results.md, results.json, accuracy.png and latent.png.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "demo")),
        };
        var prefix = new Option<string?>("--prefix")
        {
            Description = "Prefix of the ids the demo creates (default: the preset's).",
        };
        var fresh = new Option<bool>("--fresh")
        {
            Description = "Train new zoos and hyper-representations instead of reusing them.",
        };
        var wait = new Option<int>("--wait-for-hub")
        {
            Description = "Seconds to wait for the hub to answer before starting (0: fail at once).",
        };
        var command = new Command("demo",
            "Run the end-to-end demo against a hub and write the results table and plots.");
        command.With(preset, output, prefix, fresh, wait);
        command.SetAction((parseResult, cancellationToken) => HubCommandContext.RunAsync(parseResult,
            cancellationToken, async (context, token) =>
            {
                var settings = DemoSettings.Get(parseResult.GetRequiredValue(preset));
                if (parseResult.GetValue(prefix) is { Length: > 0 } chosen)
                {
                    settings = settings with { Prefix = chosen };
                }

                settings = parseResult.GetValue(fresh) ? settings.Fresh(DateTimeOffset.UtcNow) : settings;
                using var client = context.Connect();
                await WaitForHubAsync(client, TimeSpan.FromSeconds(parseResult.GetValue(wait)), token);
                var results = await new DemoPipeline(client, settings, context.Error).RunAsync(token);
                var files = DemoReport.Write(results, parseResult.GetRequiredValue(output).FullName);
                context.Output.Write(context.Json ? DemoReport.ToJson(results) + Environment.NewLine
                    : DemoReport.ToMarkdown(results));
                context.Error.WriteLine($"wrote {string.Join(", ", files)}");
                return 0;
            }));
        return command;
    }

    /// <summary>Retries a cheap call until the hub responds or <paramref name="timeout"/> passes.</summary>
    public static async Task WaitForHubAsync(HubClient client, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            try
            {
                await client.ListOperationsAsync(pageSize: 1, cancellationToken: cancellationToken);
                return;
            }
            catch (HubClientException error) when (error.Status == StatusCode.Unavailable
                && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }
}
