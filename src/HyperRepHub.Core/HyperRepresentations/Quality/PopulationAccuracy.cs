using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.Datasets;
using HyperRepHub.Core.Population;
using static TorchSharp.torch;

namespace HyperRepHub.Core.HyperRepresentations.Quality;

/// <summary>
/// Test accuracy of many models of one architecture, computed together with <see cref="PopulationForward"/>.
/// </summary>
public static class PopulationAccuracy
{
    private const int ModelsPerPass = 32;
    private const int ImagesPerPass = 1000;

    /// <summary>
    /// Returns the accuracy on <paramref name="dataset"/> of each row of <paramref name="weights"/> <c>[M, P]</c>.
    /// </summary>
    public static double[] Evaluate(ArchitectureSpec architecture, Tensor weights, ImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(dataset);
        using var noGrad = no_grad();
        long models = weights.shape[0];
        var correct = new long[models];
        for (long first = 0; first < models; first += ModelsPerPass)
        {
            long count = Math.Min(ModelsPerPass, models - first);
            var counts = correct.AsSpan((int)first, (int)count);
            CountCorrect(architecture, weights.narrow(0, first, count), dataset, counts);
        }

        return correct.Select(c => (double)c / dataset.Count).ToArray();
    }

    private static void CountCorrect(ArchitectureSpec architecture, Tensor weights, ImageDataset dataset,
        Span<long> correct)
    {
        using var scope = NewDisposeScope();
        var parameters = PopulationForward.Unflatten(architecture, weights.to(ScalarType.Float32).contiguous());
        var total = zeros(weights.shape[0], dtype: ScalarType.Int64);
        for (long start = 0; start < dataset.Count; start += ImagesPerPass)
        {
            long length = Math.Min(ImagesPerPass, dataset.Count - start);
            var logits = PopulationForward.Forward(architecture, parameters, dataset.Images.narrow(0, start, length));
            var labels = dataset.Labels.narrow(0, start, length).unsqueeze(0); // [1, B]
            total += logits.argmax(2).eq(labels).sum(1); // [M]
        }

        var counts = total.data<long>().ToArray();
        counts.CopyTo(correct);
    }
}
