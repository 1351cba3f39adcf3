using System.CommandLine;
using HyperRepHub.Cli.Client;
using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.Training;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// The hub versions of <c>zoo train</c>, <c>hyper-rep train</c> and <c>finetune</c>: each starts an operation on the
/// hub and follows it with a progress bar. <see cref="HubCommandMerger"/> joins them with the local commands.
/// </summary>
internal static class HubTrainCommands
{
    public static Command CreateZooTrain()
    {
        var zooId = new Option<string>("--zoo-id") { Description = "Id of the zoo to create and train on the hub." };
        var architecture = new Option<string>("--architecture")
        {
            Description = "Built-in architecture.",
            DefaultValueFactory = _ => "cnn-s",
        };
        var dataset = CommonOptions.Dataset("to train on");
        var models = new Option<int>("--models") { Description = "Number of models (0: the hub's default)." };
        var command = new Command("train", "Train a zoo of small CNNs on a dataset.")
            .With(zooId, architecture, dataset, models, Epochs(), Seed());
        command.SetAction((parseResult, cancellationToken) => HubCommandContext.RunAsync(parseResult,
            cancellationToken, async (context, token) =>
            {
                var id = Require(context, "--zoo-id");
                using var client = context.Connect();
                if (await client.FindZooAsync(id, token) is null)
                {
                    await client.CreateZooAsync(new ZooCreation(id, context.Get("--architecture", "cnn-s"), "",
                        context.Get("--dataset", "mnist"), "trained by the hub"), token);
                }

                // Options shared with the local command are forwarded; 0 keeps the hub's default.
                var operationId = await client.TrainZooAsync(new ZooTraining(id, context.Get("--dataset", "mnist"),
                    context.Get("--models", 0), ZooEpochs(context), context.Get("--seed", 0L),
                    LearningRate: context.Get("--lr", 0.0), BatchSize: context.Get("--batch-size", 0),
                    TrainImages: context.Get("--max-train-images", 0),
                    TestImages: context.Get("--max-test-images", 0)), token);
                return await FinishAsync(context, client, operationId, token);
            }));
        return command;
    }

    public static Command CreateHyperRepTrain()
    {
        var zooId = new Option<string>("--zoo-id") { Description = "Id of the zoo on the hub to train on." };
        var id = new Option<string?>("--id")
        {
            Description = "Id of the new hyper-representation (default: the hub picks).",
        };
        var noLwln = new Option<bool>("--no-lwln")
        {
            Description = "Train the plain-MSE baseline without layer-wise normalisation.",
        };
        var zooEpochs = new Option<int[]>("--zoo-epochs")
        {
            Description = "Zoo checkpoint epochs to train on, e.g. '--zoo-epochs 3 4 5' (default: 21 to 25 on the hub; " +
                "with --out, 21 to 25 or the last five epochs of a shorter zoo).",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("train", "Train a hyper-representation on a zoo.")
            .With(zooId, id, noLwln, zooEpochs, Epochs(), Seed());
        command.SetAction((parseResult, cancellationToken) => HubCommandContext.RunAsync(parseResult,
            cancellationToken, async (context, token) =>
            {
                var config = LocalHyperRepConfig(parseResult);
                using var client = context.Connect();
                var started = await client.TrainHyperRepresentationAsync(new HyperRepresentationTraining(
                    Require(context, "--zoo-id"), context.Get<string?>("--id", null) ?? "", Epochs: 0, Seed: 0,
                    DisableLayerWiseNormalisation: !config.LayerWiseNormalization,
                    EpochsToTrainOn: context.Get<int[]?>("--zoo-epochs", null), Config: config), token);
                context.Error.WriteLine($"training hyper-representation '{started.HyperRepresentationId}'");
                return await FinishAsync(context, client, started.OperationId, token);
            }));
        return command;
    }

    public static Command CreateFineTune()
    {
        var population = new Option<string>("--population") { Description = "Id of the population on the hub." };
        var dataset = CommonOptions.Dataset("to train and evaluate on");
        var command = new Command("finetune", "Fine-tune every model of a population.")
            .With(population, dataset, Epochs(), Seed());
        command.SetAction((parseResult, cancellationToken) => HubCommandContext.RunAsync(parseResult,
            cancellationToken, async (context, token) =>
            {
                using var client = context.Connect();
                var preset = FindPreset(context);
                var operationId = await client.FineTuneAsync(new FineTuning(Require(context, "--population"),
                    context.Get("--dataset", "mnist"), context.Get("--epochs", 1), context.Get("--seed", 0L),
                    LearningRate: context.Get<double?>("--lr", null) ?? preset?.LearningRate ?? 0,
                    BatchSize: context.Get<int?>("--batch-size", null) ?? preset?.BatchSize ?? 0,
                    TrainImages: context.Get<int?>("--train-images", null) ?? 0), token);
                return await FinishAsync(context, client, operationId, token);
            }));
        return command;
    }

    private static Option<int> Epochs() => new("--epochs") { Description = "Training epochs (0: the hub's default)." };

    private static Option<long> Seed() =>
        CommonOptions.Seed("the run on the hub, which a run here ignores (0: the hub's default)", 0);

    /// <summary>
    /// Returns the configuration the local command would train, from <c>--preset</c> and the size options, which
    /// <see cref="HubCommandMerger"/> joined into this command. Sending all of it keeps the defaults identical.
    /// </summary>
    private static HyperRepConfig LocalHyperRepConfig(ParseResult parseResult)
    {
        HyperRepConfig config;
        try
        {
            config = HyperRepTrainCommand.BuildConfig(parseResult);
        }
        catch (ArgumentException error)
        {
            throw new HubClientException($"Invalid hyper-representation option: {error.Message}", inner: error);
        }

        return config;
    }

    private static ZooTrainingConfig? FindPreset(HubCommandContext context)
    {
        string? name = context.Get<string?>("--preset", null);
        try
        {
            return name is null ? null : TrainingPresets.Get(name);
        }
        catch (ArgumentException error)
        {
            throw new HubClientException($"Invalid --preset '{name}': use paper or fast.", inner: error);
        }
    }

    /// <summary>
    /// Returns <c>--epochs</c>, or the fast preset's epochs, because the hub trains zoos with the fast preset's
    /// initialisation and optimiser only.
    /// </summary>
    private static int ZooEpochs(HubCommandContext context)
    {
        string preset = context.Get("--preset", TrainingPresets.Fast.Preset);
        if (!string.Equals(preset, TrainingPresets.Fast.Preset, StringComparison.OrdinalIgnoreCase))
        {
            throw new HubClientException(
                $"Invalid --preset '{preset}': the hub trains zoos with the 'fast' preset only; drop --preset, " +
                "or pass --out to train here.");
        }

        return context.Get<int?>("--epochs", null) ?? TrainingPresets.Fast.Epochs;
    }

    private static string Require(HubCommandContext context, string name) =>
        context.Get<string?>(name, null) is { Length: > 0 } value
            ? value
            : throw new HubClientException($"Missing {name}: the hub version of this command needs it.");

    private static async Task<int> FinishAsync(
        HubCommandContext context, HubClient client, string operationId, CancellationToken cancellationToken)
    {
        context.Error.WriteLine($"operation {operationId} (follow it again with 'hyperrep watch {operationId}')");
        var final = await WatchOperation.WaitAsync(client, operationId, context.Error, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(final);
        }
        else
        {
            context.Output.WriteLine(OpsCommand.FormatLine(final));
        }

        return 0;
    }
}
