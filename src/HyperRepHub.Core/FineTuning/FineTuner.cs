using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Training;
using static TorchSharp.torch;

namespace HyperRepHub.Core.FineTuning;

/// <summary>
/// Fine-tunes every model of a population together with the zoo's <see cref="PopulationTrainer"/>, evaluating
/// each model on the test images after every epoch, saving a checkpoint per epoch and resuming from the last one.
/// </summary>
public sealed class FineTuner
{
    private readonly ArchitectureSpec _spec;
    private readonly PopulationTrainer _trainer;
    private readonly FineTuneOptions _options;
    private readonly string _directory;

    /// <summary>Prepares a run on <paramref name="train"/>, evaluated on <paramref name="test"/>, saved in <paramref name="directory"/>.</summary>
    public FineTuner(ArchitectureSpec spec, ImageDataset train, ImageDataset test, FineTuneOptions options,
        string directory)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _spec = spec;
        _trainer = new PopulationTrainer(spec, train, test);
        _options = options;
        _directory = directory;
    }

    /// <summary>
    /// Trains <paramref name="weights"/> <c>[M, P]</c> for the configured epochs, or continues the run saved in the
    /// folder. Cancellation stops after the current step, and the last completed epoch stays saved.
    /// </summary>
    /// <exception cref="InvalidOperationException">The folder contains a run with other settings or models.</exception>
    public FineTuneResult Run(Tensor weights, Action<FineTuneProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        int models = (int)weights.shape[0];
        var saved = FineTuneCheckpoint.TryRead(_directory);
        var checkpoint = saved is null ? Start(weights, progress) : Resume(saved, models);
        using var state = saved is null ? NewState(weights) : RestoreState(saved);
        if (saved is null)
        {
            checkpoint.Write(_directory, state);
        }

        int steps = _trainer.StepsPerEpoch(_options.BatchSize);
        for (int epoch = checkpoint.CompletedEpochs + 1; epoch <= _options.Epochs; epoch++)
        {
            int current = epoch;
            _trainer.TrainEpoch(state, epoch,
                step => progress?.Invoke(new FineTuneProgress(current, _options.Epochs, step, steps, null)),
                cancellationToken);
            var evaluated = Evaluate(state.Weights, epoch);
            checkpoint = checkpoint with { CompletedEpochs = epoch, History = [.. checkpoint.History, evaluated] };
            checkpoint.Write(_directory, state);
            progress?.Invoke(new FineTuneProgress(epoch, _options.Epochs, steps, steps, evaluated));
        }

        return new FineTuneResult(state.Weights.detach().clone(), checkpoint.History);
    }

    private PopulationState NewState(Tensor weights)
    {
        var seeds = Enumerable.Range(0, (int)weights.shape[0]).Select(i => _options.SeedBase + i).ToArray();
        // The init scheme is only recorded, never applied: fine-tuning starts from the given weights.
        var hyperParameters = seeds.Select(_ => new ModelHyperParameters(InitScheme.KaimingUniform,
            _options.Optimizer, _options.LearningRate, _options.BatchSize, _options.Momentum)).ToArray();
        return new PopulationState(weights, seeds, hyperParameters);
    }

    private PopulationState RestoreState(FineTuneCheckpoint saved)
    {
        var (weights, optimizerState) = saved.ReadTensors(_directory);
        var state = NewState(weights);
        state.Optimizer.LoadStateDict(optimizerState);
        return state;
    }

    private FineTuneCheckpoint Start(Tensor weights, Action<FineTuneProgress>? progress)
    {
        if (weights.dim() != 2 || weights.shape[1] != _spec.ParameterCount)
        {
            throw new ArchitectureException(
                $"Expected weights [models, {_spec.ParameterCount}] for '{_spec.Name}', " +
                $"got [{string.Join(", ", weights.shape)}].");
        }

        var initial = Evaluate(weights, 0);
        progress?.Invoke(new FineTuneProgress(0, _options.Epochs, 0, _trainer.StepsPerEpoch(_options.BatchSize), initial));
        return new FineTuneCheckpoint(_options, _spec.Name, (int)weights.shape[0], 0, [initial]);
    }

    private FineTuneCheckpoint Resume(FineTuneCheckpoint saved, int models)
    {
        if (saved.Options != _options || saved.Architecture != _spec.Name || saved.Models != models)
        {
            throw new InvalidOperationException(
                $"'{_directory}' contains a fine-tuning run of {saved.Models} '{saved.Architecture}' models with " +
                $"{saved.Options}; use an empty folder or the same settings to resume it.");
        }

        return saved;
    }

    private FineTuneEpoch Evaluate(Tensor weights, int epoch)
    {
        var results = _trainer.Evaluate(weights.detach(), onTestImages: true);
        return new FineTuneEpoch(epoch, results.Select(r => r.Loss).ToArray(), results.Select(r => r.Accuracy).ToArray());
    }
}
