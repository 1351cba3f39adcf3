using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Zoos;

namespace HyperRepHub.Core.Training;

/// <summary>What zoo to train and where to write it.</summary>
/// <param name="Directory">Zoo folder. When it already contains this zoo, training resumes after its last complete epoch.</param>
/// <param name="Name">Zoo name written to the manifest.</param>
/// <param name="Dataset">Dataset name, for example <c>mnist</c>.</param>
/// <param name="Architecture">Architecture of every model.</param>
/// <param name="Models">Number of models.</param>
/// <param name="Config">Initialisation and training recipe.</param>
/// <param name="Split">Split of the models into train, validation and test; null means 70/15/15 with seed 42.</param>
/// <param name="Workers">Threads that train shards of the models at once (<see cref="PopulationTrainer.Workers"/>).
/// It changes speed, not results, and is not recorded in the zoo.</param>
public sealed record ZooTrainingRequest(
    string Directory,
    string Name,
    string Dataset,
    ArchitectureSpec Architecture,
    int Models,
    ZooTrainingConfig Config,
    ZooSplitRatios? Split = null,
    int Workers = 1);
