using System.Text;

namespace TrustSim.Core;

/// <summary>
/// Writes files so that a crash or interrupt never leaves a truncated file under its final name:
/// the content goes to a temporary file in the same folder (same volume, so the rename is atomic),
/// is flushed to disk, and only then is renamed over the target.
/// </summary>
internal static class AtomicFile
{
    /// <summary>UTF-8 without a byte order mark, so files compare byte for byte with what tools expect.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="path"/> from whatever <paramref name="write"/> puts on the stream.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(folder);

        // Dot-prefixed and unique, so concurrent writers and directory listings leave it alone.
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        byte[] copy = bytes.ToArray();
        Write(path, stream => stream.Write(copy));
    }

    /// <summary>
    /// Puts a whole file, written by this class in a staging folder on the same volume, under its final name in
    /// one rename: a set of files is staged first and shown only when all of it was written.
    /// </summary>
    public static void Rename(string staged, string path) => File.Move(staged, path, overwrite: true);

    /// <summary>Writes text as UTF-8 without BOM, line endings exactly as given.</summary>
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, Utf8.GetBytes(text));
}
