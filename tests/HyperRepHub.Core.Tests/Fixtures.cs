namespace HyperRepHub.Core.Tests;

internal static class Fixtures
{
    /// <summary>The repository's <c>tests/fixtures</c> folder, found by walking up from the test binaries.</summary>
    public static string Directory { get; } = Find();

    /// <summary>The PyTorch-trained zoo in the public layout that <c>make_public_zoo.py</c> wrote.</summary>
    public static string PublicZoo => Path.Combine(Directory, "public-zoo");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "fixtures");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No tests/fixtures folder above '{AppContext.BaseDirectory}'.");
    }
}
