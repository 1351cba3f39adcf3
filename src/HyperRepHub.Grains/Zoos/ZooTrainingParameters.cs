namespace HyperRepHub.Grains.Zoos;

/// <summary>The parameters of a <c>zoo.train</c> operation, stored as its JSON.</summary>
/// <param name="ZooId">The zoo that receives the trained checkpoints.</param>
/// <param name="Dataset">Dataset name, <c>mnist</c> or <c>fashion-mnist</c>.</param>
/// <param name="Models">Number of models to train.</param>
/// <param name="Epochs">Training epochs of every model; a checkpoint is stored at every epoch from 0.</param>
/// <param name="Seed">Model i is initialised with seed <c>Seed + i</c>.</param>
/// <param name="LearningRate">Adam learning rate of every model.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="TrainImages">Train on this many evenly spaced training images; 0 uses all.</param>
/// <param name="TestImages">Evaluate on this many evenly spaced test images; 0 uses all.</param>
public sealed record ZooTrainingParameters(string ZooId, string Dataset, int Models, int Epochs, long Seed,
    double LearningRate, int BatchSize, int TrainImages = 0, int TestImages = 0)
{
    /// <summary>The operation kind.</summary>
    public const string Kind = "zoo.train";
}
