using Microsoft.Extensions.Logging;

namespace HyperRepHub.Core.HyperRepresentations.Training;

internal static partial class HyperRepTrainerLog
{
    [LoggerMessage(1, LogLevel.Information,
        "Training hyper-representation in {WorkDirectory}: {Samples} training checkpoints, {Steps} steps per epoch, " +
        "{Parameters} network parameters")]
    public static partial void Started(ILogger logger, string workDirectory, int samples, int steps, long parameters);

    [LoggerMessage(2, LogLevel.Information, "Resuming hyper-representation training after epoch {Epoch}")]
    public static partial void Resumed(ILogger logger, int epoch);

    [LoggerMessage(3, LogLevel.Information,
        "Epoch {Epoch}/{Epochs}: loss {Loss:F5}, validation loss {ValidationLoss:F5}, validation R² {R2:F4}, " +
        "lr {LearningRate:G3}, {SamplesPerSecond:F1} samples/s")]
    public static partial void EpochFinished(ILogger logger, int epoch, int epochs, double loss, double validationLoss,
        double r2, double learningRate, double samplesPerSecond);

    [LoggerMessage(4, LogLevel.Information, "Learning rate reduced to {LearningRate:G3} after a validation plateau")]
    public static partial void LearningRateReduced(ILogger logger, double learningRate);

    [LoggerMessage(5, LogLevel.Information,
        "Early stopping after epoch {Epoch}: no validation improvement in {Patience} epochs")]
    public static partial void StoppedEarly(ILogger logger, int epoch, int patience);

    [LoggerMessage(6, LogLevel.Information,
        "Training cancelled; the checkpoint after epoch {Epoch} is kept for resuming")]
    public static partial void Cancelled(ILogger logger, int epoch);

    [LoggerMessage(7, LogLevel.Information, "Hyper-representation training finished after epoch {Epoch}")]
    public static partial void Finished(ILogger logger, int epoch);

    [LoggerMessage(8, LogLevel.Information,
        "Aligned every checkpoint's neurons to the mean of the aligned training split after {Rounds} rounds, " +
        "starting from model {ModelId} at epoch {Epoch}")]
    public static partial void Aligned(ILogger logger, int rounds, string modelId, int epoch);
}
