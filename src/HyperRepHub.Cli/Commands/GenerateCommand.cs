using System.CommandLine;
using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep generate --hyper-rep ID</c>: requests that the hub sample a hyper-representation's latent space and decode
/// a population of new models, then prints the population id.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var hyperRep = new Option<string>("--hyper-rep")
        {
            Description = "Id of a trained hyper-representation.",
            Required = true,
        };
        var method = new Option<string>("--method")
        {
            Description = "Sampler: uniform, kde, kde-coherent, counterfactual, neighbour or gan.",
            DefaultValueFactory = _ => "kde",
        };
        var count = new Option<int>("--count")
        {
            Description = "Number of models, 1 to 10000.",
            DefaultValueFactory = _ => 50,
        };
        var top = new Option<double>("--top")
        {
            Description = "Fraction of the best anchors (by accuracy) to sample around: 0.3 keeps the top 30%.",
            DefaultValueFactory = _ => 1.0,
        };
        var condition = new Option<string?>("--condition-zoo")
        {
            Description = "Zoo the hyper-representation never saw whose embeddings become the anchors.",
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Random seed of the sampler.",
            DefaultValueFactory = _ => 42,
        };
        var noEvaluate = new Option<bool>("--no-evaluate") { Description = "Skip testing the generated models." };
        var command = new Command("generate", "Generate a population of new models from a hyper-representation (hub).");
        command.With(hyperRep, method, count, top, condition, seed, noEvaluate);
        command.SetAction((parseResult, cancellationToken) => HubCommandContext.RunAsync(parseResult,
            cancellationToken, async (context, token) =>
            {
                var fraction = parseResult.GetValue(top);
                if (fraction is <= 0 or > 1)
                {
                    throw new HubClientException($"Invalid --top {fraction}: pass a fraction in (0, 1], e.g. 0.3.");
                }

                using var client = context.Connect();
                var population = await client.GeneratePopulationAsync(new PopulationGeneration(
                    parseResult.GetRequiredValue(hyperRep), parseResult.GetRequiredValue(method),
                    parseResult.GetValue(count), fraction, parseResult.GetValue(seed),
                    parseResult.GetValue(condition) ?? "", Evaluate: !parseResult.GetValue(noEvaluate)), token);
                if (context.Json)
                {
                    context.WriteJson(population);
                }
                else
                {
                    context.Output.WriteLine(
                        $"{population.PopulationId}: {population.Count} models by {population.Method} "
                        + $"({population.WeightsSizeBytes} bytes); see 'hyperrep stats {population.PopulationId}'");
                }

                return 0;
            }));
        return command;
    }
}
