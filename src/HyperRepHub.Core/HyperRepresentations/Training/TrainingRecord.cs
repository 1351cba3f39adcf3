using HyperRepHub.Core.HyperRepresentations.Storage;

namespace HyperRepHub.Core.HyperRepresentations.Training;

/// <summary>
/// Where a saved hyper-representation came from and how its training went, stored as <c>training.json</c> beside
/// it so the quality report can find the zoo's test split again.
/// </summary>
/// <param name="Zoo">Path of the source zoo folder.</param>
/// <param name="Epochs">Checkpoint epochs of each model it was trained on.</param>
/// <param name="TrainCheckpoints">Number of training-split checkpoints.</param>
/// <param name="StoppedEarly">Whether early stopping ended training.</param>
/// <param name="History">Metrics of every epoch.</param>
public sealed record TrainingRecord(string Zoo, IReadOnlyList<int> Epochs, int TrainCheckpoints, bool StoppedEarly,
    IReadOnlyList<EpochProgress> History)
{
    /// <summary>File name inside a hyper-representation folder.</summary>
    public const string FileName = "training.json";

    /// <summary>Writes the record into <paramref name="directory"/>.</summary>
    public void Save(string directory) => JsonFiles.Write(Path.Combine(directory, FileName), this);

    /// <summary>Reads the record from <paramref name="directory"/>, or returns null when there is none.</summary>
    public static TrainingRecord? TryLoad(string directory)
    {
        string path = Path.Combine(directory, FileName);
        return File.Exists(path) ? JsonFiles.Read<TrainingRecord>(path) : null;
    }
}
