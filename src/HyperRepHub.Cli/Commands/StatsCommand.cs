using System.CommandLine;
using System.Globalization;
using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Commands;

/// <summary><c>hyperrep stats POPULATION_ID</c>: accuracy per epoch, novelty and the ensemble curve.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("population-id") { Description = "Id of the population." };
        var command = new Command("stats",
            "Show a population's accuracy per epoch, novelty and ensemble accuracy (hub).");
        command.Arguments.Add(id);
        command.With();
        command.SetAction((parseResult, cancellationToken) => HubCommandContext.RunAsync(parseResult,
            cancellationToken, async (context, token) =>
            {
                using var client = context.Connect();
                var statistics = await client.GetStatisticsAsync(parseResult.GetRequiredValue(id), token);
                if (context.Json)
                {
                    context.WriteJson(statistics);
                }
                else
                {
                    Write(context.Output, statistics);
                }

                return 0;
            }));
        return command;
    }

    /// <summary>Prints the statistics as a small text table.</summary>
    public static void Write(TextWriter output, PopulationStatisticsInfo statistics)
    {
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine($"population {statistics.PopulationId}");
        output.WriteLine("epoch  dataset         mean    std     median  min     max");
        foreach (var a in statistics.Accuracy)
        {
            output.WriteLine(string.Create(invariant,
                $"{a.Epoch,5}  {a.Dataset,-14} {a.Mean,6:P1} {a.Std,6:P1} {a.Median,6:P1} {a.Min,6:P1} {a.Max,6:P1}"));
        }

        output.WriteLine(string.Create(invariant,
            $"novelty: mean {statistics.NoveltyMean:G4}, min {statistics.NoveltyMin:G4}"));
        foreach (var point in statistics.Ensemble)
        {
            output.WriteLine(string.Create(invariant, $"ensemble of {point.Size}: {point.Accuracy:P1}"));
        }
    }
}
