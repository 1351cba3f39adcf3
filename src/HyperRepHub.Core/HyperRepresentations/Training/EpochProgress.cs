namespace HyperRepHub.Core.HyperRepresentations.Training;

/// <summary>Metrics of one finished training epoch, reported through the trainer's progress callback.</summary>
/// <param name="Epoch">The finished epoch, counting from 1.</param>
/// <param name="Epochs">The maximum number of epochs.</param>
/// <param name="TrainLoss">Mean total loss (1-γ)·reconstruction + γ·NT-Xent over the epoch's steps.</param>
/// <param name="TrainReconstruction">Mean reconstruction loss over the epoch's steps.</param>
/// <param name="TrainContrast">Mean NT-Xent over the epoch's steps.</param>
/// <param name="ValidationLoss">Reconstruction loss of the clean validation checkpoints.</param>
/// <param name="ValidationR2">R² of the validation reconstruction, 1 - error / error of predicting the mean.</param>
/// <param name="LearningRate">Learning rate after the plateau schedule has run for this epoch.</param>
/// <param name="SamplesPerSecond">Training samples (weight vectors, before augmentation) processed per second.</param>
public sealed record EpochProgress(int Epoch, int Epochs, double TrainLoss, double TrainReconstruction,
    double TrainContrast, double ValidationLoss, double ValidationR2, double LearningRate, double SamplesPerSecond);
