using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.HyperRepresentations.Tokens;
using Microsoft.Extensions.Logging;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Training;

/// <summary>
/// The mutable parts of one training run: network, optimizer, generators and state, either fresh from the seed
/// or restored from the work directory's checkpoint.
/// </summary>
internal sealed class TrainingRun
{
    private TrainingRun(HyperRepAutoencoder network, Adam optimizer, TrainingLoss loss)
    {
        Network = network;
        Optimizer = optimizer;
        Loss = loss;
        ShuffleGenerator = new Generator((ulong)network.Config.Seed + 2);
        AugmentationGenerator = new Generator((ulong)network.Config.Seed + 3);
    }

    public HyperRepAutoencoder Network { get; }

    public Adam Optimizer { get; }

    public TrainingLoss Loss { get; }

    public Generator ShuffleGenerator { get; }

    public Generator AugmentationGenerator { get; }

    public TrainingState State { get; set; } = null!;

    /// <summary>The fingerprint of the data this run trains on, stored with every checkpoint.</summary>
    public string DataFingerprint { get; private set; } = "";

    public static TrainingRun Start(HyperRepTrainingData data, HyperRepConfig config, string workDirectory,
        ILogger logger, string dataFingerprint, Tensor? alignmentReference = null)
    {
        bool resume = TrainingCheckpoint.Exists(workDirectory);
        var saved = resume ? TrainingCheckpoint.ReadState(workDirectory) : null;
        if (saved is not null && saved.Config != config)
        {
            throw new InvalidOperationException(
                $"The checkpoint in '{workDirectory}' was written with other settings " +
                $"({Describe(saved.Config.DifferencesFrom(config))}); resume with the same settings or train into " +
                "a new directory.");
        }

        if (saved?.DataFingerprint is { } savedFingerprint && savedFingerprint != dataFingerprint)
        {
            throw new InvalidOperationException(
                $"The checkpoint in '{workDirectory}' was written for other training data (another zoo, other " +
                "checkpoint epochs or changed checkpoints); train into a new directory, or delete this one to start " +
                "over.");
        }

        var statistics = saved?.Statistics ?? LayerStatistics.Compute(data.Architecture, data.Train.Weights);
        var network = new HyperRepAutoencoder(data.Architecture, config);
        network.SetNormalization(statistics);
        if (alignmentReference is not null)
        {
            network.SetAlignmentReference(alignmentReference);
        }

        var optimizer = optim.Adam(network.parameters(), config.LearningRate, weight_decay: config.WeightDecay);
        var run = new TrainingRun(network, optimizer, new TrainingLoss(network, statistics))
        {
            DataFingerprint = dataFingerprint,
        };
        if (saved is null)
        {
            run.State = run.Capture(0, config.LearningRate, PlateauSchedule.Initial, [], stopped: false, statistics);
            return run;
        }

        run.State = saved;
        run.Restore(workDirectory);
        HyperRepTrainerLog.Resumed(logger, saved.CompletedEpochs);
        return run;
    }

    private static string Describe(IEnumerable<(string Name, object? Value, object? OtherValue)> differences) =>
        string.Join(", ", differences.Select(d => $"{d.Name} was {Format(d.Value)}, now {Format(d.OtherValue)}"));

    private static string? Format(object? value) => value is bool flag
        ? flag ? "true" : "false"
        : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Captures the current generator states with the given progress.</summary>
    public TrainingState Capture(int completedEpochs, double learningRate, PlateauSchedule schedule,
        IReadOnlyList<EpochProgress> history, bool stopped, LayerStatistics? statistics = null) =>
        new(completedEpochs, learningRate, schedule,
            TrainingCheckpoint.EncodeGenerator(ShuffleGenerator),
            TrainingCheckpoint.EncodeGenerator(AugmentationGenerator),
            TrainingCheckpoint.EncodeGenerator(Network.DropoutGenerator),
            history, Network.Config, statistics ?? State.Statistics, stopped, DataFingerprint);

    private void Restore(string workDirectory)
    {
        TrainingCheckpoint.Restore(workDirectory, Network, Optimizer);
        TrainingCheckpoint.RestoreGenerator(ShuffleGenerator, State.ShuffleGeneratorState);
        TrainingCheckpoint.RestoreGenerator(AugmentationGenerator, State.AugmentationGeneratorState);
        TrainingCheckpoint.RestoreGenerator(Network.DropoutGenerator, State.DropoutGeneratorState);
        HyperRepTrainer.SetLearningRate(Optimizer, State.LearningRate);
    }
}
