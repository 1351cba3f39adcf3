namespace HyperRepHub.Core.Zoos;

/// <summary>Loss and accuracy of one model after one epoch (epoch 0 is the untrained model). Accuracies are fractions in [0, 1].</summary>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double TrainAccuracy, double TestLoss, double TestAccuracy);
