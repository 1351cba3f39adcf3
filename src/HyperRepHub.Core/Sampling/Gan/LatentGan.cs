using System.Text.Json;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Sampling.Gan;

/// <summary>
/// A small GAN in latent space: a generator MLP from Gaussian noise to tanh-bounded embeddings, and a
/// discriminator MLP that separates anchors from generated embeddings.
/// </summary>
public sealed class LatentGan : IDisposable
{
    private const string WeightsFile = "gan-generator.safetensors";
    private const string ConfigFile = "gan.json";

    private LatentGan(LatentGanConfig config)
    {
        Config = config;
        Generator = nn.Sequential(
            nn.Linear(config.NoiseDimension, config.Hidden), nn.LeakyReLU(0.2),
            nn.Linear(config.Hidden, config.Hidden), nn.LeakyReLU(0.2),
            nn.Linear(config.Hidden, config.LatentDimension), nn.Tanh());
    }

    /// <summary>The sizes and training settings.</summary>
    public LatentGanConfig Config { get; }

    /// <summary>The generator network, noise <c>[B, noise]</c> to embeddings <c>[B, D]</c>.</summary>
    public nn.Module<Tensor, Tensor> Generator { get; }

    /// <summary>Trains a GAN on anchors <c>[N, D]</c>; the seed fixes initialisation, batches and noise.</summary>
    public static LatentGan Train(Tensor anchors, LatentGanConfig config, long seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        // NOTE: module initialisation draws from TorchSharp's global generator, so two GANs trained at once on
        // different threads may not reproduce their seeded weights.
        torch.random.manual_seed(seed);
        var gan = new LatentGan(config);
        var discriminator = nn.Sequential(
            nn.Linear(config.LatentDimension, config.Hidden), nn.LeakyReLU(0.2),
            nn.Linear(config.Hidden, config.Hidden), nn.LeakyReLU(0.2),
            nn.Linear(config.Hidden, 1));
        var generatorOptimizer = optim.Adam(gan.Generator.parameters(), config.LearningRate, 0.5, 0.999);
        var discriminatorOptimizer = optim.Adam(discriminator.parameters(), config.LearningRate, 0.5, 0.999);
        using var generator = new Generator((ulong)seed);
        var data = anchors.detach().to(float32);
        for (int step = 0; step < config.Steps; step++)
        {
            using var scope = NewDisposeScope();
            var real = data.index_select(0, randint(data.shape[0], [config.BatchSize], generator: generator));
            var fake = gan.Generator.call(randn([config.BatchSize, config.NoiseDimension], generator: generator));
            discriminatorOptimizer.zero_grad();
            var discriminatorLoss = Bce(discriminator.call(real), 1) + Bce(discriminator.call(fake.detach()), 0);
            discriminatorLoss.backward();
            discriminatorOptimizer.step();
            generatorOptimizer.zero_grad();
            var generatorLoss = Bce(discriminator.call(fake), 1);
            generatorLoss.backward();
            generatorOptimizer.step();
        }

        gan.Generator.eval();
        return gan;
    }

    /// <summary>Generates embeddings <c>[count, D]</c> from seeded noise, without gradients.</summary>
    public Tensor Sample(int count, long seed)
    {
        using var generator = new Generator((ulong)seed);
        using var noGrad = no_grad();
        return Generator.call(randn([count, Config.NoiseDimension], generator: generator)); // [count, D]
    }

    /// <summary>Writes the generator weights (safetensors) and the config (JSON) into <paramref name="directory"/>.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        Generator.save_safetensors(Path.Combine(directory, WeightsFile));
        File.WriteAllText(Path.Combine(directory, ConfigFile), JsonSerializer.Serialize(Config));
    }

    /// <summary>Reads a GAN written by <see cref="Save"/>.</summary>
    /// <exception cref="SamplingException">The directory contains no saved GAN.</exception>
    public static LatentGan Load(string directory)
    {
        string configPath = Path.Combine(directory, ConfigFile);
        if (!File.Exists(configPath))
        {
            throw new SamplingException($"No trained GAN in '{directory}': '{ConfigFile}' is missing; train it first.");
        }

        var config = JsonSerializer.Deserialize<LatentGanConfig>(File.ReadAllText(configPath))
            ?? throw new SamplingException($"'{configPath}' is empty.");
        var gan = new LatentGan(config);
        gan.Generator.load_safetensors(Path.Combine(directory, WeightsFile));
        gan.Generator.eval();
        return gan;
    }

    /// <inheritdoc/>
    public void Dispose() => Generator.Dispose();

    private static Tensor Bce(Tensor logits, float target) =>
        nn.functional.binary_cross_entropy_with_logits(logits, full_like(logits, target));
}
