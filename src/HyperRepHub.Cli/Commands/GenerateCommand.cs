using System.CommandLine;
using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep generate --hyper-rep ID</c>: requests that the hub sample a hyper-representation's latent space and
/// decode a population of new models, then prints the population id.
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
        var method = SamplingOptions.Method();
        var count = SamplingOptions.Count();
        var top = SamplingOptions.Top();
        var condition = new Option<string?>("--condition-zoo")
        {
            Description = "Zoo the hyper-representation never saw whose embeddings become the anchors.",
        };
        var seed = SamplingOptions.Seed();
        var noEvaluate = new Option<bool>("--no-evaluate")
        {
            Description = "Skip measuring the models' accuracy on the test split of the zoo's dataset.",
        };
        var testImages = new Option<int>("--test-images")
        {
            Description = "Evenly spaced test images to measure accuracy on; 0 uses the whole test split, an " +
                "estimated 0.5 s per CNN-s model on two cores.",
            DefaultValueFactory = _ => 1000,
        };
        testImages.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value < 0)
            {
                result.AddError($"Invalid --test-images {value}: pass 0 for the whole test split or a positive count.");
            }
        });
        var command = new Command("generate", "Generate a population of new models from a hyper-representation (hub).");
        command.With(hyperRep, method, count, top, condition, seed, noEvaluate, testImages);
        command.SetAction((parseResult, cancellationToken) => HubCommandContext.RunAsync(parseResult,
            cancellationToken, async (context, token) =>
            {
                using var client = context.Connect();
                var population = await client.GeneratePopulationAsync(new PopulationGeneration(
                    parseResult.GetRequiredValue(hyperRep), parseResult.GetRequiredValue(method),
                    parseResult.GetValue(count), parseResult.GetValue(top), parseResult.GetValue(seed),
                    parseResult.GetValue(condition) ?? "", Evaluate: !parseResult.GetValue(noEvaluate),
                    EvaluateTestImages: parseResult.GetValue(testImages)), token);
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
