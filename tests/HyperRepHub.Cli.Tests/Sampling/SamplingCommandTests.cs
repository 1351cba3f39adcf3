using System.Diagnostics;
using System.Text.Json;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Sampling;
using HyperRepHub.Core.Training;
using HyperRepHub.Core.Zoos;
using static TorchSharp.torch;

namespace HyperRepHub.Cli.Tests.Sampling;

/// <summary>Runs the built <c>hyperrep</c> executable: train a tiny hyper-representation, then sample and evaluate.</summary>
public sealed class SamplingCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private readonly string _directory =
        Path.Combine(Path.GetTempPath(), "hyperrep-cli-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task SamplingCommands_TinyHyperRep_Succeed()
    {
        string zoo = WriteZoo(models: 20, epochs: [1, 2]);
        string hyperRep = Path.Combine(_directory, "hyperrep");
        string population = Path.Combine(_directory, "population");
        string tuned = Path.Combine(_directory, "tuned");
        var train = await RunAsync("hyper-rep", "train", "--zoo", zoo, "--out", hyperRep, "--epochs", "1",
            "--batch-size", "8", "--d-model", "16", "--feed-forward", "32", "--latent", "8");
        Assert.True(train.ExitCode == 0, train.Error);

        var sample = await RunAsync("sample", "--hyperrep", hyperRep, "--method", "kde", "--top", "1", "--count", "4",
            "--seed", "3", "--out", population, "--json");
        var evaluate = await RunAsync("evaluate", "--population", population, "--zoo", zoo, "--zoo-epochs", "1", "2",
            "--json");
        var ensemble = await RunAsync("ensemble", "--population", population, "--max-size", "3", "--draws", "2",
            "--json");
        var fineTune = await RunAsync("finetune", "--population", population, "--epochs", "1", "--preset", "fast",
            "--train-images", "320", "--out", tuned, "--json");

        Assert.True(sample.ExitCode == 0, sample.Error);
        Assert.Equal(4, PopulationFolder.Load(population).Weights.shape[0]);
        using var sampled = JsonDocument.Parse(sample.Output);
        Assert.True(sampled.RootElement.GetProperty("latent_distance").GetProperty("median_between_anchors").GetDouble() > 0);
        var stateDict = WeightsFile.LoadStateDict(Path.Combine(population, "model-0000.safetensors"));
        Assert.Equal(new long[] { 8, 1, 5, 5 }, stateDict["0.weight"].shape);
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
        using var evaluation = JsonDocument.Parse(evaluate.Output);
        Assert.Equal(4, evaluation.RootElement.GetProperty("accuracies").GetArrayLength());
        Assert.True(evaluation.RootElement.GetProperty("novelty").GetProperty("typical_weight_distance").GetDouble() > 0);
        Assert.True(ensemble.ExitCode == 0, ensemble.Error);
        using var ensembles = JsonDocument.Parse(ensemble.Output);
        Assert.Equal(3, ensembles.RootElement.GetArrayLength());
        Assert.True(fineTune.ExitCode == 0, fineTune.Error);
        using var history = JsonDocument.Parse(fineTune.Output);
        Assert.Equal(2, history.RootElement.GetArrayLength()); // epochs 0 and 1
        Assert.Equal(4, PopulationFolder.Load(tuned).Weights.shape[0]);
    }

    [Fact]
    public async Task FineTune_ScratchBaseline_WritesPopulation()
    {
        string zoo = WriteZoo(models: 4, epochs: [1]);
        string tuned = Path.Combine(_directory, "baseline");

        var result = await RunAsync("finetune", "--baseline", "scratch", "--zoo", zoo, "--count", "3", "--epochs", "1",
            "--train-images", "320", "--out", tuned, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var (_, weights, manifest) = PopulationFolder.Load(tuned);
        Assert.Equal(3, weights.shape[0]);
        Assert.StartsWith("scratch:", manifest.Source);
    }

    [Fact]
    public async Task FineTune_NoStartingWeights_FailsNamingOptions()
    {
        var result = await RunAsync("finetune", "--out", Path.Combine(_directory, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Give either --population, or --baseline", result.Error);
    }

    [Fact]
    public async Task Sample_UnknownMethod_FailsListingMethods()
    {
        var result = await RunAsync("sample", "--hyperrep", _directory, "--method", "diffusion", "--out",
            Path.Combine(_directory, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Unknown sampling method 'diffusion'", result.Error);
        Assert.Contains("kde-coherent", result.Error);
    }

    private string WriteZoo(int models, int[] epochs)
    {
        var spec = BuiltInArchitectures.CnnSmall;
        var config = TrainingPresets.Fast with { CheckpointEpochs = epochs };
        var records = Enumerable.Range(0, models).Select(i => new ModelRecord(ZooPaths.ModelId(i), i + 1,
            config.HyperParametersOf(i + 1), [], [])).ToArray();
        var writer = ZooWriter.Create(Path.Combine(_directory, "zoo"), "test", spec, "mnist", ZooSplitRatios.Default,
            config, records);
        var generator = new Generator(5);
        for (int i = 0; i < models; i++)
        {
            foreach (int epoch in epochs)
            {
                using var flat = randn([spec.ParameterCount], generator: generator) * 0.3;
                writer.SaveCheckpoint(ZooPaths.ModelId(i), epoch, flat);
            }

            var metrics = epochs.Select(e => new EpochMetrics(e, 1.0, 0.5, 1.0, 0.4 + 0.01 * i)).ToArray();
            writer.SaveRecord(records[i] with { Epochs = metrics, CheckpointEpochs = epochs });
        }

        writer.WriteManifest(completedEpochs: epochs.Max());
        return writer.Directory;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hyperrep.dll"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"hyperrep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return (process.ExitCode, await output, await error);
    }
}
