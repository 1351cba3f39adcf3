namespace HyperRepHub.Grains.Populations;

/// <summary>The parameters of a <c>population.finetune</c> operation, stored as its JSON.</summary>
/// <param name="PopulationId">The population to fine-tune.</param>
/// <param name="Dataset">Dataset name, <c>mnist</c> or <c>fashion-mnist</c>.</param>
/// <param name="Epochs">Passes over the training images.</param>
/// <param name="LearningRate">Adam learning rate of every model.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="Seed">Model i shuffles with seed <c>Seed + i</c>.</param>
/// <param name="TrainImages">Use only the first this many training images; 0 uses all.</param>
/// <param name="TestImages">Evaluate on only the first this many test images; 0 uses all.</param>
public sealed record FineTuneRequest(string PopulationId, string Dataset, int Epochs, double LearningRate,
    int BatchSize, long Seed, int TrainImages, int TestImages)
{
    /// <summary>The operation kind.</summary>
    public const string Kind = "population.finetune";
}
