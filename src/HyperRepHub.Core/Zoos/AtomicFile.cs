namespace HyperRepHub.Core.Zoos;

/// <summary>
/// Writes files through a temporary sibling and a rename, so a reader (or a process killed mid-write) sees either
/// the old file or the complete new one, never a partial file. The rename is atomic on one POSIX file system.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var temporary = TemporaryPath(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Whether a file name is a temporary file that an interrupted write left behind.</summary>
    public static bool IsTemporary(string path) => Path.GetFileName(path).StartsWith(".tmp-", StringComparison.Ordinal);

    private static string TemporaryPath(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $".tmp-{Path.GetFileName(path)}-{Guid.NewGuid():N}");
    }
}
