using System.Diagnostics;
using HyperRepHub.Core.HyperRepresentations.Alignment;
using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.HyperRepresentations.Quality;
using HyperRepHub.Core.HyperRepresentations.Storage;
using HyperRepHub.Core.HyperRepresentations.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Training;

/// <summary>
/// Trains a hyper-representation with Adam on complete batches of the training split, reduces the learning rate
/// on validation plateaus, stops early when configured, and writes a checkpoint to the work directory after every
/// epoch. A trainer started on a work directory that contains a checkpoint resumes from it and ends with the same
/// weights as an uninterrupted run.
/// </summary>
public sealed class HyperRepTrainer
{
    private const string BestModelFile = "best-model.safetensors";

    private readonly HyperRepTrainingData data;
    private readonly Tensor? alignmentReference;
    private readonly HyperRepConfig config;
    private readonly string workDirectory;
    private readonly ILogger logger;

    /// <summary>Creates a trainer that keeps its checkpoints in <paramref name="workDirectory"/>.</summary>
    public HyperRepTrainer(HyperRepTrainingData data, HyperRepConfig config, string workDirectory,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(workDirectory);
        data.Validate();
        config.Validate();
        if (data.Train.Count < config.BatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(config), config.BatchSize,
                $"BatchSize ({config.BatchSize}) is larger than the training split ({data.Train.Count} " +
                "checkpoints); an epoch uses complete batches only, so lower BatchSize or add models.");
        }

        this.config = config;
        this.workDirectory = workDirectory;
        DataFingerprint = TrainingDataFingerprint.Compute(data);
        this.logger = logger ?? NullLogger.Instance;
        if (config.AlignNeurons)
        {
            var aligned = AlignedTrainingData.Create(data);
            HyperRepTrainerLog.Aligned(this.logger, aligned.Rounds, aligned.StartModelId, aligned.StartEpoch);
            this.data = aligned.Data;
            alignmentReference = aligned.Reference;
        }
        else
        {
            this.data = data;
        }
    }

    /// <summary>
    /// SHA-256 of the training and validation checkpoints as given (before alignment). A checkpoint written for
    /// other data is not resumed.
    /// </summary>
    public string DataFingerprint { get; }

    /// <summary>Number of optimizer steps per epoch: complete batches only.</summary>
    public int StepsPerEpoch => data.Train.Count / config.BatchSize;

    /// <summary>
    /// Trains until the last epoch or early stopping, calling <paramref name="onEpoch"/> after each epoch's
    /// checkpoint is written. Cancellation stops at the next step and keeps the last checkpoint.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public HyperRepTrainingResult Train(Action<EpochProgress>? onEpoch = null,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(workDirectory);
        var run = TrainingRun.Start(data, config, workDirectory, logger, DataFingerprint, alignmentReference);
        HyperRepTrainerLog.Started(logger, workDirectory, data.Train.Count, StepsPerEpoch,
            run.Network.parameters().Sum(p => p.numel()));
        while (!run.State.Stopped)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                HyperRepTrainerLog.Cancelled(logger, run.State.CompletedEpochs);
                cancellationToken.ThrowIfCancellationRequested();
            }

            var progress = RunEpoch(run, cancellationToken);
            onEpoch?.Invoke(progress);
        }

        HyperRepTrainerLog.Finished(logger, run.State.CompletedEpochs);
        return Finish(run);
    }

    private EpochProgress RunEpoch(TrainingRun run, CancellationToken cancellationToken)
    {
        int epoch = run.State.CompletedEpochs + 1;
        var (loss, reconstruction, contrast, samplesPerSecond) = RunSteps(run, cancellationToken);
        if (!double.IsFinite(loss))
        {
            throw Diverged(epoch, "training", loss);
        }

        var (validationLoss, validationR2) = Validate(run);
        if (!double.IsFinite(validationLoss))
        {
            throw Diverged(epoch, "validation", validationLoss);
        }

        var (schedule, improved, reduce) = run.State.Schedule.Step(validationLoss, config.PlateauPatience);
        double learningRate = run.State.LearningRate;
        if (reduce && config.PlateauFactor < 1)
        {
            learningRate *= config.PlateauFactor;
            SetLearningRate(run.Optimizer, learningRate);
            HyperRepTrainerLog.LearningRateReduced(logger, learningRate);
        }

        if (improved && config.KeepBestValidation)
        {
            TensorFiles.SaveModule(run.Network, Path.Combine(workDirectory, BestModelFile));
        }

        bool early = config.EarlyStoppingPatience > 0 &&
            schedule.EpochsSinceImprovement >= config.EarlyStoppingPatience;
        var progress = new EpochProgress(epoch, config.Epochs, loss, reconstruction, contrast, validationLoss,
            validationR2, learningRate, samplesPerSecond);
        run.State = run.Capture(epoch, learningRate, schedule, [.. run.State.History, progress],
            stopped: early || epoch >= config.Epochs);
        TrainingCheckpoint.Save(workDirectory, run.Network, run.Optimizer, run.State);
        HyperRepTrainerLog.EpochFinished(logger, epoch, config.Epochs, loss, validationLoss, validationR2,
            learningRate, samplesPerSecond);
        if (early && epoch < config.Epochs)
        {
            HyperRepTrainerLog.StoppedEarly(logger, epoch, config.EarlyStoppingPatience);
        }

        return progress;
    }

    private (double Loss, double Reconstruction, double Contrast, double SamplesPerSecond) RunSteps(
        TrainingRun run, CancellationToken cancellationToken)
    {
        run.Network.train();
        var stopwatch = Stopwatch.StartNew();
        using var order = randperm(data.Train.Count, generator: run.ShuffleGenerator);
        double loss = 0, reconstruction = 0, contrast = 0;
        for (int step = 0; step < StepsPerEpoch; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var batch = data.Train.Weights.index_select(0, order.narrow(0, step * config.BatchSize, config.BatchSize));
            var terms = run.Loss.Compute(batch, run.AugmentationGenerator);
            run.Optimizer.zero_grad();
            terms.Total.backward();
            run.Optimizer.step();
            loss += terms.Total.item<float>();
            reconstruction += terms.Reconstruction.item<float>();
            contrast += terms.Contrast.item<float>();
        }

        double seconds = Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-9);
        return (loss / StepsPerEpoch, reconstruction / StepsPerEpoch, contrast / StepsPerEpoch,
            StepsPerEpoch * config.BatchSize / seconds);
    }

    private (double Loss, double R2) Validate(TrainingRun run)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        run.Network.eval();
        var target = data.Validation.Weights;
        var prediction = Reconstruct(run.Network, target);
        double loss = run.Loss.Reconstruction.Compute(prediction, target, config.Reduction).item<float>();
        return (loss, ReconstructionMetrics.R2(prediction, target));
    }

    /// <summary>
    /// The error for a non-finite loss. It is thrown before the epoch's checkpoint is written, so the previous
    /// checkpoint stays the latest.
    /// </summary>
    private static InvalidOperationException Diverged(int epoch, string split, double loss) => new(
        $"Training diverged in epoch {epoch}: the {split} loss is {loss}. " +
        (epoch > 1 ? $"The checkpoint of epoch {epoch - 1} is kept. " : "No checkpoint was written. ") +
        "Lower the learning rate or the noise settings and train into a new directory.");

    private HyperRepTrainingResult Finish(TrainingRun run)
    {
        string best = Path.Combine(workDirectory, BestModelFile);
        var history = run.State.History;
        int keptEpoch = history.Count > 0 ? history[^1].Epoch : 0;
        if (config.KeepBestValidation && File.Exists(best))
        {
            TensorFiles.LoadModule(run.Network, best);
            // The best network was saved in the epoch whose validation loss the schedule stores as its best.
            keptEpoch = history.LastOrDefault(epoch => epoch.ValidationLoss == run.State.Schedule.BestLoss)?.Epoch ??
                keptEpoch;
        }

        run.Network.eval();
        using var noGrad = no_grad();
        var embeddings = Encode(run.Network, data.Train.Weights);
        var anchors = new AnchorSet(embeddings, data.Train.ModelIds, data.Train.Epochs, data.Train.Accuracies);
        var hyperRepresentation = new HyperRepresentation(run.Network, run.State.Statistics, anchors);
        bool early = run.State.CompletedEpochs < config.Epochs;
        return new HyperRepTrainingResult(hyperRepresentation, history, early) { KeptEpoch = keptEpoch };
    }

    internal static Tensor Reconstruct(HyperRepAutoencoder network, Tensor weights) =>
        InChunks(weights, chunk => network.Decode(network.Encode(chunk)));

    private static Tensor Encode(HyperRepAutoencoder network, Tensor weights) => InChunks(weights, network.Encode);

    private static Tensor InChunks(Tensor input, Func<Tensor, Tensor> map)
    {
        const long chunkSize = 256;
        using var scope = NewDisposeScope();
        var outputs = new List<Tensor>();
        for (long start = 0; start < input.shape[0]; start += chunkSize)
        {
            outputs.Add(map(input.narrow(0, start, Math.Min(chunkSize, input.shape[0] - start))));
        }

        return cat(outputs, 0).MoveToOuterDisposeScope();
    }

    internal static void SetLearningRate(OptimizerHelper optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }
}
