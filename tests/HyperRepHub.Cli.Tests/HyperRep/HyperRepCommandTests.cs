using System.Diagnostics;
using System.Text.Json;
using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Training;
using HyperRepHub.Core.Zoos;
using static TorchSharp.torch;

namespace HyperRepHub.Cli.Tests.HyperRep;

/// <summary>Runs the built <c>hyperrep</c> executable on a small synthetic zoo.</summary>
public sealed class HyperRepCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly string directory =
        Path.Combine(Path.GetTempPath(), "hyperrep-cli-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("--permutation", "2", "Invalid --permutation 2: --permutation must be in [0, 1].")]
    [InlineData("--latent-noise", "1e309", "Invalid --latent-noise Infinity: --latent-noise must be a finite number.")]
    [InlineData("--latent-noise", "abc", "Invalid --latent-noise 'abc'; expected a number such as 0.5.")]
    [InlineData("--keep-best", "maybe", "Invalid --keep-best 'maybe'; use true or false.")]
    [InlineData("--align-neurons", "yes", "Invalid --align-neurons 'yes'; use true or false.")]
    [InlineData("--denoise", "maybe", "Invalid --denoise 'maybe'; use true or false.")]
    [InlineData("--epochs", "abc", "Invalid --epochs 'abc'; expected a whole number such as 5.")]
    [InlineData("--input-noise", "-1", "Invalid --input-noise -1: --input-noise must be a non-negative value.")]
    public async Task Train_InvalidOption_NamesTheOption(string option, string value, string message)
    {
        string zoo = WriteZoo(models: 20, epochs: [1]);
        string output = Path.Combine(directory, "rejected");

        var train = await RunAsync("hyper-rep", "train", "--zoo", zoo, "--out", output, option, value);

        Assert.Equal(1, train.ExitCode);
        Assert.Contains(message, train.Error);
        Assert.DoesNotContain("Usage:", train.Output);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Report_ZooFolder_IsRejected()
    {
        string zoo = WriteZoo(models: 20, epochs: [1]);

        var report = await RunAsync("hyper-rep", "report", zoo);

        Assert.Equal(1, report.ExitCode);
        Assert.Contains("is not a saved hyper-representation", report.Error);
    }

    [Fact]
    public async Task Train_ZooEpochs_TrainsOnThoseEpochs()
    {
        string zoo = WriteZoo(models: 20, epochs: [1, 2, 3]);
        string output = Path.Combine(directory, "epoch-two");

        var train = await RunAsync("hyper-rep", "train", "--zoo", zoo, "--out", output, "--epochs", "1",
            "--batch-size", "4", "--d-model", "16", "--feed-forward", "32", "--latent", "8", "--zoo-epochs", "2");

        Assert.True(train.ExitCode == 0, train.Error);
        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "training.json")));
        var epochs = record.RootElement.GetProperty("epochs").EnumerateArray().Select(e => e.GetInt32());
        Assert.Equal([2], epochs);
    }

    [Fact]
    public async Task TrainThenReport_SmallZoo_ReportsEveryLayer()
    {
        string zoo = WriteZoo(models: 20, epochs: [1, 2, 3]);
        string output = Path.Combine(directory, "hyperrep");

        var train = await RunAsync("hyper-rep", "train", "--zoo", zoo, "--out", output, "--epochs", "2",
            "--batch-size", "8", "--d-model", "16", "--feed-forward", "32", "--latent", "8", "--json");
        var report = await RunAsync("hyper-rep", "report", output, "--json");

        Assert.True(train.ExitCode == 0, train.Error);
        var lines = train.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length); // two epochs, then the result
        Assert.Contains("\"type\":\"epoch\"", lines[0]);
        Assert.True(File.Exists(Path.Combine(output, "model.safetensors")));
        Assert.True(File.Exists(Path.Combine(output, "anchors.safetensors")));
        Assert.True(report.ExitCode is 0 or 2, report.Error); // 2 means the verdict is AtChance
        using var json = JsonDocument.Parse(report.Output);
        Assert.Equal(5, json.RootElement.GetProperty("layer_r2").GetArrayLength());
        Assert.Equal(9, json.RootElement.GetProperty("test_checkpoints").GetInt32()); // 3 test models x 3 epochs
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("original_accuracy").ValueKind);
    }

    [Fact]
    public async Task Train_SecondRun_AddsNoEpochs()
    {
        string zoo = WriteZoo(models: 20, epochs: [1, 2]);
        string output = Path.Combine(directory, "hyperrep");
        string[] arguments = ["hyper-rep", "train", "--zoo", zoo, "--out", output, "--epochs", "1", "--batch-size", "8",
            "--d-model", "16", "--feed-forward", "32", "--latent", "8"];

        var first = await RunAsync(arguments);
        var second = await RunAsync(arguments);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("epoch 1/1", first.Output);
        Assert.DoesNotContain("epoch 1/1", second.Output);
        Assert.Contains("after 1 epoch", second.Output);
    }

    [Fact]
    public async Task Train_MissingZoo_FailsNamingTheFolder()
    {
        string missing = Path.Combine(directory, "no-such-zoo");

        var result = await RunAsync("hyper-rep", "train", "--zoo", missing, "--out", Path.Combine(directory, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no-such-zoo", result.Error);
    }

    private string WriteZoo(int models, int[] epochs)
    {
        var spec = BuiltInArchitectures.CnnSmall;
        var records = Enumerable.Range(0, models).Select(i => new ModelRecord(ZooPaths.ModelId(i), i + 1,
            TrainingPresets.Fast.HyperParametersOf(i + 1), [], [])).ToArray();
        var writer = ZooWriter.Create(Path.Combine(directory, "zoo"), "test", spec, "mnist", ZooSplitRatios.Default,
            TrainingPresets.Fast with { CheckpointEpochs = epochs }, records);
        var generator = new Generator(5);
        for (int i = 0; i < models; i++)
        {
            foreach (int epoch in epochs)
            {
                using var flat = randn([spec.ParameterCount], generator: generator) * 0.3;
                writer.SaveCheckpoint(ZooPaths.ModelId(i), epoch, flat);
            }

            var metrics = epochs.Select(e => new EpochMetrics(e, 1.0, 0.5, 1.0, 0.5)).ToArray();
            writer.SaveRecord(records[i] with { Epochs = metrics, CheckpointEpochs = epochs });
        }

        writer.WriteManifest(completedEpochs: epochs.Max());
        return writer.Directory;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
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
