using System.Diagnostics;
using HyperRepHub.Core.HyperRepresentations.Alignment;
using HyperRepHub.Core.HyperRepresentations.Training;
using HyperRepHub.Core.Zoos;
using static TorchSharp.torch;

namespace HyperRepHub.Benchmarks;

/// <summary>
/// Times neuron alignment on a real zoo: every training checkpoint of the last epoch aligned to the first one, one model at a
/// time on one thread, and reports milliseconds per model with the inner product gained. Then times what training
/// does: aligning every split to the mean of the aligned training split, and how many rounds that took.
/// </summary>
internal static class AlignmentBenchmark
{
    public static int Run(string[] args)
    {
        string zooDirectory = Options.Get(args, "--zoo") ?? throw new ArgumentException("--zoo DIR is required.");
        int rounds = Options.Int(args, "--rounds", 5);
        var zoo = Zoo.Open(zooDirectory);
        int last = zoo.Models.SelectMany(m => m.CheckpointEpochs).Max();
        var batch = zoo.LoadCheckpoints(ZooSplit.Train, [last]);
        var rows = batch.Weights.to(ScalarType.Float32).contiguous().data<float>().ToArray();
        int parameters = (int)batch.Weights.shape[1];
        int count = (int)batch.Weights.shape[0];
        var alignment = new NeuronAlignment(zoo.Architecture,
            Options.Int(args, "--sweeps", NeuronAlignment.DefaultMaxSweeps));
        var reference = rows.AsSpan(0, parameters).ToArray();
        Console.WriteLine($"zoo {zooDirectory}: {count} checkpoints of epoch {last}, {parameters} parameters");
        for (int round = 0; round < rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            double gained = 0;
            for (int i = 1; i < count; i++)
            {
                var model = rows.AsSpan(i * parameters, parameters);
                var aligned = alignment.Align(model, reference);
                gained += Dot(aligned, reference) - Dot(model.ToArray(), reference);
            }

            double milliseconds = stopwatch.Elapsed.TotalMilliseconds / (count - 1);
            Console.WriteLine($"round {round + 1}: {milliseconds:F3} ms per model, mean inner product gained " +
                $"{gained / (count - 1):F2}");
        }

        var identity = Stopwatch.StartNew();
        for (int i = 0; i < 3000; i++)
        {
            alignment.Align(reference, reference);
        }

        Console.WriteLine($"reference to itself (one sweep): {identity.Elapsed.TotalMilliseconds / 3000:F3} ms");

        var data = ZooTrainingData.Load(zoo);
        var mean = Stopwatch.StartNew();
        var alignedData = AlignedTrainingData.Create(data);
        Console.WriteLine($"training data ({data.Train.Count} training checkpoints, epochs " +
            $"{string.Join(",", ZooTrainingData.DefaultEpochs(zoo))}) aligned to the mean in {alignedData.Rounds} rounds, " +
            $"{mean.Elapsed.TotalSeconds:F2} s, spread {Spread(data.Train.Weights):F1} -> " +
            $"{Spread(alignedData.Data.Train.Weights):F1} (sum of squared distances to the split's mean)");
        return 0;
    }

    private static double Spread(Tensor weights)
    {
        using var scope = NewDisposeScope();
        var rows = weights.to(ScalarType.Float64);
        return (rows - rows.mean([0], keepdim: true)).square().sum().item<double>();
    }

    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * (double)b[i];
        }

        return sum;
    }
}
