namespace TrustSim.Core;

/// <summary>
/// Every text file TrustSim writes (CSV, manifest.json, scenario.yaml) ends with a line break, so one that
/// does not was cut short: a copy stopped part way, a disk that filled, an edit. Checking the last byte
/// catches a cut inside a text field or a number, which no parser can tell from a shorter value.
/// </summary>
internal static class WholeFile
{
    /// <summary>Throws a <see cref="DataFileException"/> naming <paramref name="path"/> unless it is empty or ends with '\n'.</summary>
    public static void RequireLineBreakAtEnd(string path)
    {
        int last;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length == 0) return;
            stream.Seek(-1, SeekOrigin.End);
            last = stream.ReadByte();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException($"{path}: cannot be read: {e.Message}", e);
        }
        if (last != '\n') throw new DataFileException($"{path}: its last line has no line break: the file was cut short (or edited)");
    }
}
