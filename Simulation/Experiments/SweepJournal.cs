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

    private readonly FileStream _stream;
    private readonly Lock _gate = new();

    private SweepJournal(FileStream stream) => _stream = stream;

    /// <summary>Opens the journal for appending, first cutting off a torn last line.</summary>
    public static SweepJournal OpenForAppend(string path)
    {
        long valid = File.Exists(path) ? Scan(path, (_, _) => { }) : 0;
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

    public void Dispose()
    {
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
    }

    /// <summary>Every complete entry in file order; a torn last line is skipped.</summary>
    public static IReadOnlyList<JournalEntry> ReadAll(string path)
    {
        var entries = new List<JournalEntry>();
        if (File.Exists(path))
        {
            Scan(path, (entry, _) => entries.Add(entry));
        }
        return entries;
    }

    /// <summary>
    /// Reads the journal line by line, calling <paramref name="visit"/> with each entry and its byte
    /// offset, and returns the length of the valid part (up to the end of the last complete line).
    /// </summary>
    /// <exception cref="InvalidDataException">A line other than the last is not a journal entry.</exception>
    public static long Scan(string path, Action<JournalEntry, long> visit)
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
                line.WriteByte((byte)b);
                continue;
            }
            lineNumber++;
            JournalEntry entry = Parse(line.GetBuffer().AsSpan(0, (int)line.Length))
                ?? throw new InvalidDataException($"{path}:{lineNumber}: not a journal entry");
            visit(entry, lineStart);
            line.SetLength(0);
            lineStart = offset;
        }
        // Whatever follows the last newline is a line the writer did not finish.
        return lineStart;
    }

    /// <summary>The entry on the line starting at <paramref name="offset"/> of an open journal.</summary>
    public static JournalEntry ReadAt(Stream journal, long offset)
    {
        journal.Seek(offset, SeekOrigin.Begin);
        var line = new MemoryStream();
        int b;
        while ((b = journal.ReadByte()) >= 0 && b != '\n')
        {
            line.WriteByte((byte)b);
        }
        return Parse(line.GetBuffer().AsSpan(0, (int)line.Length))
            ?? throw new InvalidDataException($"journal: no entry at byte {offset}");
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

    /// <summary>The entry a line holds, or null when it is not one (a torn or foreign line).</summary>
    public static JournalEntry? Parse(ReadOnlySpan<byte> line)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(line.ToArray());
            JsonElement root = doc.RootElement;
            string status = root.GetProperty("status").GetString() ?? "";
            JsonElement metrics = root.GetProperty("metrics");
            var values = new double[metrics.ValueKind == JsonValueKind.Object ? SummaryMetrics.Columns.Count : 0];
            for (int m = 0; m < values.Length; m++)
            {
                values[m] = metrics.TryGetProperty(SummaryMetrics.Columns[m].Name, out JsonElement v) && v.ValueKind == JsonValueKind.Number
                    ? v.GetDouble()
                    : double.NaN;
            }
            JsonElement error = root.GetProperty("error");
            return new JournalEntry(root.GetProperty("run_id").GetInt64(), root.GetProperty("point").GetInt32(),
                root.GetProperty("replication").GetInt32(), root.GetProperty("seed").GetUInt64(),
                status == JournalEntry.CompletedStatus, error.ValueKind == JsonValueKind.String ? error.GetString() : null,
                status == JournalEntry.CompletedStatus ? values : []);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }

}
