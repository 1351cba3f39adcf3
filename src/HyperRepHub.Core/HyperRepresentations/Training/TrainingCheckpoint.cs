using HyperRepHub.Core.HyperRepresentations.Model;
using HyperRepHub.Core.HyperRepresentations.Storage;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Training;

/// <summary>
/// A training checkpoint folder: <c>model.safetensors</c> (network), <c>optimizer.bin</c> (Adam moments and
/// steps, TorchSharp format) and <c>state.json</c>. A new checkpoint is written to a temporary folder and then
/// swapped in, so an interruption leaves either the old or the new checkpoint complete.
/// </summary>
public static class TrainingCheckpoint
{
    /// <summary>Name of the checkpoint folder inside a training work directory.</summary>
    public const string FolderName = "checkpoint";

    private const string ModelFile = "model.safetensors";
    private const string OptimizerFile = "optimizer.bin";
    private const string StateFile = "state.json";

    /// <summary>Whether <paramref name="workDirectory"/> contains a checkpoint to resume from.</summary>
    public static bool Exists(string workDirectory) => FindFolder(workDirectory) is not null;

    /// <summary>
    /// Writes the checkpoint of <paramref name="network"/> and <paramref name="optimizer"/> into <paramref
    /// name="workDirectory"/>.
    /// </summary>
    public static void Save(string workDirectory, HyperRepAutoencoder network, OptimizerHelper optimizer,
        TrainingState state)
    {
        string folder = Path.Combine(workDirectory, FolderName);
        string temporary = folder + ".tmp";
        string previous = folder + ".old";
        if (Directory.Exists(temporary))
        {
            Directory.Delete(temporary, recursive: true);
        }

        Directory.CreateDirectory(temporary);
        TensorFiles.SaveModule(network, Path.Combine(temporary, ModelFile));
        optimizer.save_state_dict(Path.Combine(temporary, OptimizerFile));
        JsonFiles.Write(Path.Combine(temporary, StateFile), state);
        if (Directory.Exists(folder))
        {
            if (Directory.Exists(previous))
            {
                Directory.Delete(previous, recursive: true);
            }

            Directory.Move(folder, previous);
        }

        Directory.Move(temporary, folder);
        if (Directory.Exists(previous))
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    /// <summary>Reads the state of the checkpoint in <paramref name="workDirectory"/>.</summary>
    public static TrainingState ReadState(string workDirectory) =>
        JsonFiles.Read<TrainingState>(Path.Combine(RequireFolder(workDirectory), StateFile));

    /// <summary>
    /// Loads the checkpoint's network and optimizer state into <paramref name="network"/> and <paramref
    /// name="optimizer"/>.
    /// </summary>
    public static void Restore(string workDirectory, HyperRepAutoencoder network, OptimizerHelper optimizer)
    {
        string folder = RequireFolder(workDirectory);
        string restart = $"Delete '{workDirectory}' to train from the start.";
        TensorFiles.LoadModule(network, Path.Combine(folder, ModelFile), restart);

        string optimizerPath = Path.Combine(folder, OptimizerFile);
        try
        {
            optimizer.load_state_dict(optimizerPath);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException
            or InvalidOperationException && ex is not FileNotFoundException)
        {
            throw new InvalidDataException(
                $"The optimizer state '{optimizerPath}' is damaged or incomplete: {ex.Message} {restart}", ex);
        }
    }

    /// <summary>Encodes a generator's state for <see cref="TrainingState"/>.</summary>
    public static string EncodeGenerator(Generator generator)
    {
        using var state = generator.get_state();
        return Convert.ToBase64String(state.data<byte>().ToArray());
    }

    /// <summary>Restores a generator's state from <see cref="EncodeGenerator"/>'s output.</summary>
    public static void RestoreGenerator(Generator generator, string encoded)
    {
        using var state = tensor(Convert.FromBase64String(encoded), dtype: ScalarType.Byte);
        generator.set_state(state);
    }

    private static string RequireFolder(string workDirectory) => FindFolder(workDirectory) ??
        throw new DirectoryNotFoundException($"No training checkpoint in '{workDirectory}'.");

    // A checkpoint moved aside while its successor was being swapped in is still complete.
    private static string? FindFolder(string workDirectory) =>
        new[] { FolderName, FolderName + ".old" }
            .Select(name => Path.Combine(workDirectory, name))
            .FirstOrDefault(path => File.Exists(Path.Combine(path, StateFile)));
}
