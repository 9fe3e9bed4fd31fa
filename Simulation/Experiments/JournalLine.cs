using System.Globalization;
using System.Text.Json;
using TrustSim.Metrics;

namespace TrustSim.Experiments;

/// <summary>
/// Reads one line of journal.jsonl strictly: a journal decides which runs are skipped on resume and
/// whose numbers reach runs.csv, so an edited or damaged line must be refused with the reason, never
/// read as zeros, nulls or a failure.
/// </summary>
internal static class JournalLine
{
    // A repeated key would let a line say two things at once; the writer never repeats one.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 4 };

    /// <summary>The entry the line holds; or null and <paramref name="problem"/>, why it is not one.</summary>
    public static JournalEntry? Parse(ReadOnlySpan<byte> line, out string problem)
    {
        if (line.IsEmpty)
        {
            problem = "an empty line, not a journal entry";
            return null;
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line.ToArray(), Strict);
        }
        catch (JsonException e)
        {
            // JsonException counts bytes from 0; a repeated key is reported as invalid JSON too.
            problem = e.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase)
                ? "a key appears twice, so not a journal entry"
                : string.Create(CultureInfo.InvariantCulture, $"not JSON (at byte {(e.BytePositionInLine ?? 0) + 1}), so not a journal entry");
            return null;
        }
        using (doc)
        {
            try
            {
                var entry = Read(doc.RootElement);
                problem = "";
                return entry;
            }
            catch (InvalidDataException e)
            {
                problem = e.Message;
                return null;
            }
        }
    }

    private static JournalEntry Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Bad($"{Kind(root)}, not a journal entry");
        long runId = Whole<long>(root, "run_id", e => e.TryGetInt64(out long v) ? v : null);
        int point = Whole<int>(root, "point", e => e.TryGetInt32(out int v) ? v : null);
        int replication = Whole<int>(root, "replication", e => e.TryGetInt32(out int v) ? v : null);
        ulong seed = Whole<ulong>(root, "seed", e => e.TryGetUInt64(out ulong v) ? v : null);
        string status = Property(root, "status") is { ValueKind: JsonValueKind.String } s ? s.GetString()! : "";
        if (status is not (JournalEntry.CompletedStatus or JournalEntry.FailedStatus))
            throw Bad($"status is not \"{JournalEntry.CompletedStatus}\" or \"{JournalEntry.FailedStatus}\"");
        JsonElement error = Property(root, "error");
        JsonElement metrics = Property(root, "metrics");
        if (metrics.ValueKind != JsonValueKind.Object) throw Bad($"metrics is {Kind(metrics)}, not an object of numbers");
        if (status == JournalEntry.FailedStatus)
        {
            // A failed run has no numbers; its error is what runs.csv and the closing report show.
            if (error.ValueKind != JsonValueKind.String) throw Bad("a failed run without its error text");
            return new JournalEntry(runId, point, replication, seed, false, error.GetString(), []);
        }
        if (error.ValueKind != JsonValueKind.Null) throw Bad("a completed run with an error");
        return new JournalEntry(runId, point, replication, seed, true, null, Metrics(metrics));
    }

    /// <summary>The metric names as UTF-8, in column order (the order the writer writes them), to match keys without making strings.</summary>
    private static readonly byte[][] Names = SummaryMetrics.Columns.Select(c => System.Text.Encoding.UTF8.GetBytes(c.Name)).ToArray();

    /// <summary>Every summary metric, each a finite number, and no other key.</summary>
    private static double[] Metrics(JsonElement metrics)
    {
        // One pass over the keys (a line holds them in column order, so each is found at its own place
        // first), then the checks in column order, so a bad line gets the message it always got.
        var found = new JsonElement[Names.Length];
        var has = new bool[Names.Length];
        string? unknown = null;
        int next = 0;
        foreach (JsonProperty p in metrics.EnumerateObject())
        {
            int k = next < Names.Length && p.NameEquals(Names[next]) ? next : Array.FindIndex(Names, n => p.NameEquals(n));
            if (k < 0)
            {
                unknown ??= p.Name;
                continue;
            }
            found[k] = p.Value;
            has[k] = true;
            next = k + 1;
        }
        var values = new double[Names.Length];
        for (int m = 0; m < values.Length; m++)
        {
            string name = SummaryMetrics.Columns[m].Name;
            if (!has[m]) throw Bad($"metric {name} is missing");
            JsonElement v = found[m];
            if (v.ValueKind != JsonValueKind.Number) throw Bad($"metric {name} is {Kind(v)}, not a number");
            if (!v.TryGetDouble(out values[m]) || !double.IsFinite(values[m])) throw Bad($"metric {name} is not a finite number");
        }
        if (unknown is not null) throw Bad($"metric '{Shorten(unknown)}' is not one this tool records");
        return values;
    }

    private static T Whole<T>(JsonElement root, string name, Func<JsonElement, T?> read) where T : struct
    {
        JsonElement value = Property(root, name);
        if (value.ValueKind != JsonValueKind.Number) throw Bad($"{name} is {Kind(value)}, not a whole number");
        return read(value) ?? throw Bad($"{name} = {Shorten(value.GetRawText())} is not a whole number in range");
    }

    private static JsonElement Property(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) ? value : throw Bad($"{name} is missing");

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => $"the text \"{Shorten(e.GetString() ?? "")}\"",
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => string.Create(CultureInfo.InvariantCulture, $"the number {Shorten(e.GetRawText())}"),
        _ => "not a value",
    };

    // A tampered line can hold anything; a message quotes only a short, printable excerpt of it.
    private static string Shorten(string text)
    {
        string printable = new(text.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return text.Length > 40 ? printable + "..." : printable;
    }

    private static InvalidDataException Bad(string why) => new(why);
}
