using System.Text.Json;
using TrustSim.Metrics;

namespace TrustSim.Experiments;

/// <summary>
/// journal.jsonl: one JSON line per finished run, appended and flushed as each run finishes, so a
/// killed sweep loses only the runs in flight. A torn last line (the process died mid-write) is
/// ignored on reading and cut off before appending again.
/// </summary>
internal sealed class SweepJournal : IDisposable
{
    public const string FileName = "journal.jsonl";

    /// <summary>Longest line read as an entry; a failed run's error text is the only long part of one.</summary>
    private const int MaxLineBytes = 4 << 20;

    /// <summary>What to do about a line that is not a run of the sweep, appended to every such refusal.</summary>
    public const string EditedLineAdvice = "the journal was edited or damaged: delete that line (a resume then runs its run again) " +
                                           "or start the sweep afresh with --force";

    private readonly FileStream _stream;
    private readonly Lock _gate = new();

    private SweepJournal(FileStream stream) => _stream = stream;

    /// <summary>Opens the journal for appending, first cutting off a torn last line.</summary>
    public static SweepJournal OpenForAppend(string path)
    {
        long valid = File.Exists(path) ? Scan(path, (_, _, _) => { }) : 0;
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        stream.SetLength(valid);
        stream.Seek(valid, SeekOrigin.Begin);
        return new SweepJournal(stream);
    }

    /// <summary>Appends one entry and flushes it to the operating system; safe to call from several workers.</summary>
    public void Append(JournalEntry entry)
    {
        byte[] line = ToLine(entry);
        lock (_gate)
        {
            _stream.Write(line);
            // To the OS, not to the platter: a killed process keeps the line; a power cut may tear it, which reading tolerates.
            _stream.Flush(flushToDisk: false);
        }
    }

    /// <summary>Flushes the lines appended so far to the disk (see <see cref="SweepRunner.SyncEvery"/>).</summary>
    public void Sync()
    {
        lock (_gate)
        {
            _stream.Flush(flushToDisk: true);
        }
    }

    public void Dispose()
    {
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
    }

    /// <summary>Every complete entry in file order; a torn last line is skipped.</summary>
    /// <exception cref="InvalidDataException">A complete line is not a journal entry (its file and line named).</exception>
    public static IReadOnlyList<JournalEntry> ReadAll(string path)
    {
        var entries = new List<JournalEntry>();
        if (File.Exists(path))
        {
            Scan(path, (entry, _, _) => entries.Add(entry));
        }
        return entries;
    }

    /// <summary>
    /// Reads the journal line by line, calling <paramref name="visit"/> with each entry, its byte offset
    /// and its line number (from 1), and returns the length of the valid part (up to the end of the
    /// last complete line).
    /// </summary>
    /// <exception cref="InvalidDataException">A complete line is not a journal entry: "FILE:LINE: why".</exception>
    public static long Scan(string path, Action<JournalEntry, long, int> visit)
    {
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var line = new MemoryStream();
        long offset = 0;
        long lineStart = 0;
        int lineNumber = 0;
        int b;
        while ((b = input.ReadByte()) >= 0)
        {
            offset++;
            if (b != '\n')
            {
                // No entry is this long: a damaged file must not be read into memory whole as one "line".
                if (line.Length == MaxLineBytes) throw new InvalidDataException($"{path}:{lineNumber + 1}: a line of more than {MaxLineBytes >> 20} MB, not a journal entry; {EditedLineAdvice}");
                line.WriteByte((byte)b);
                continue;
            }
            lineNumber++;
            // Only the writer's last, unfinished line can be torn (it writes a line and its newline at once),
            // so a complete line that is not an entry was edited or damaged: refuse it rather than guess.
            JournalEntry entry = JournalLine.Parse(line.GetBuffer().AsSpan(0, (int)line.Length), out string problem)
                ?? throw new InvalidDataException($"{path}:{lineNumber}: {problem}; {EditedLineAdvice}");
            visit(entry, lineStart, lineNumber);
            line.SetLength(0);
            lineStart = offset;
        }
        // Whatever follows the last newline is a line the writer did not finish.
        return lineStart;
    }

    /// <summary>The entry on the line starting at <paramref name="offset"/> of an open journal.</summary>
    /// <exception cref="InvalidDataException">The line there is not an entry (the journal changed since it was indexed).</exception>
    public static JournalEntry ReadAt(Stream journal, long offset)
    {
        ReadOnlySpan<byte> line = LineAt(journal, offset);
        string name = journal is FileStream file ? file.Name : "journal";
        return JournalLine.Parse(line[..^1], out string problem)
            ?? throw new InvalidDataException($"{name}: the line at byte {offset} changed since it was read: {problem}");
    }

    /// <summary>
    /// The bytes of the line starting at <paramref name="offset"/>, its line break included (the journal
    /// must have been indexed, so the line is whole): what a merge copies, as the shard wrote it.
    /// </summary>
    public static ReadOnlySpan<byte> LineAt(Stream journal, long offset)
    {
        journal.Seek(offset, SeekOrigin.Begin);
        var line = new MemoryStream();
        Span<byte> chunk = stackalloc byte[1024];
        while (line.Length <= MaxLineBytes)
        {
            int read = journal.Read(chunk);
            if (read == 0) break;
            int end = chunk[..read].IndexOf((byte)'\n');
            if (end >= 0)
            {
                line.Write(chunk[..(end + 1)]);
                return line.GetBuffer().AsSpan(0, (int)line.Length);
            }
            line.Write(chunk[..read]);
        }
        string name = journal is FileStream file ? file.Name : "journal";
        throw new InvalidDataException($"{name}: the line at byte {offset} changed since it was read: it has no line break");
    }

    public static byte[] ToLine(JournalEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("run_id", entry.RunId);
            json.WriteNumber("point", entry.Point);
            json.WriteNumber("replication", entry.Replication);
            json.WriteNumber("seed", entry.Seed);
            json.WriteString("status", entry.Status);
            if (entry.Error is null) json.WriteNull("error");
            else json.WriteString("error", entry.Error);
            json.WriteStartObject("metrics");
            for (int m = 0; m < entry.Metrics.Count; m++)
            {
                // Non-finite values only occur in failed runs; JSON has no NaN, so they are null.
                string name = SummaryMetrics.Columns[m].Name;
                if (double.IsFinite(entry.Metrics[m])) json.WriteNumber(name, entry.Metrics[m]);
                else json.WriteNull(name);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
