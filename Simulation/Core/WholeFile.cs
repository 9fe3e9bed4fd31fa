namespace TrustSim.Core;

/// <summary>
/// Every text file TrustSim writes (CSV, manifest.json, scenario.yaml) ends with a line break, so one that
/// does not was cut short: a copy stopped part way, a disk that filled, an edit. Checking the last byte
/// catches a cut inside a text field or a number, which no parser can tell from a shorter value.
/// </summary>
internal static class WholeFile
{
    /// <summary>
    /// Opens a file of an output folder for reading: a regular file only, so a FIFO or device put in its
    /// place is refused at once rather than waited on or read without end.
    /// </summary>
    /// <exception cref="DataFileException">It is missing, not a regular file or unreadable (its path and why named).</exception>
    public static FileStream Open(string path)
    {
        var opened = RegularFile.OpenRead(path);
        if (!opened.Ok) throw new DataFileException($"{path}: {string.Join("; ", opened.Problems)}");
        return opened.Value!;
    }

    /// <summary>All of a file of an output folder, through <see cref="Open"/>.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        using var stream = Open(path);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Throws a <see cref="DataFileException"/> naming <paramref name="path"/> unless it is empty or ends with '\n'.</summary>
    public static void RequireLineBreakAtEnd(string path)
    {
        using var stream = Open(path);
        RequireLineBreakAtEnd(path, stream);
    }

    /// <summary>The same check on a stream already open on <paramref name="path"/>; leaves it at its start.</summary>
    public static void RequireLineBreakAtEnd(string path, FileStream stream)
    {
        int last;
        try
        {
            if (stream.Length == 0) return;
            stream.Seek(-1, SeekOrigin.End);
            last = stream.ReadByte();
            stream.Seek(0, SeekOrigin.Begin);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException($"{path}: cannot be read: {e.Message}", e);
        }
        if (last != '\n') throw new DataFileException($"{path}: its last line has no line break: the file was cut short (or edited)");
    }
}
