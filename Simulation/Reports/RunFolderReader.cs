using System.Globalization;
using System.Reflection;
using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Metrics;
using TrustSim.Model;

namespace TrustSim.Reports;

/// <summary>
/// Reads a run folder's timeseries.csv, summary.csv and events.csv back into run results, so its
/// charts can be redrawn from the data files alone. Columns are matched to record properties by
/// name (snake_case), so a column added to the writers is read back without a change here.
/// </summary>
internal static class RunFolderReader
{
    public static IReadOnlyList<RunResult> Read(string folder)
    {
        var steps = new SortedDictionary<int, List<StepMetrics>>();
        ReadTable(Path.Combine(folder, RunCsv.TimeseriesFile), (header, fields, column) =>
        {
            var step = new StepMetrics
            {
                Step = int.Parse(fields[column("step")], CultureInfo.InvariantCulture),
                Date = DateOnly.ParseExact(fields[column("date")], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            Fill(step, header, fields, 3);
            Add(steps, int.Parse(fields[column("replication")], CultureInfo.InvariantCulture), step);
        });
        var summaries = new Dictionary<int, (ulong Seed, SummaryMetrics Summary)>();
        ReadTable(Path.Combine(folder, RunCsv.SummaryFile), (header, fields, column) =>
        {
            var summary = new SummaryMetrics();
            Fill(summary, header, fields, 2);
            summaries[int.Parse(fields[column("replication")], CultureInfo.InvariantCulture)] =
                (ulong.Parse(fields[column("seed")], CultureInfo.InvariantCulture), summary);
        });
        var events = new Dictionary<int, List<EventRecord>>();
        string eventsPath = Path.Combine(folder, RunCsv.EventsFile);
        if (File.Exists(eventsPath))
        {
            ReadTable(eventsPath, (_, fields, column) =>
            {
                var e = new EventRecord(int.Parse(fields[column("step")], CultureInfo.InvariantCulture),
                    DateOnly.ParseExact(fields[column("date")], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Enum.Parse<EventKind>(fields[column("kind")].Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
                    fields[column("subject")], fields[column("detail")], fields[column("label")]);
                Add(events, int.Parse(fields[column("replication")], CultureInfo.InvariantCulture), e);
            });
        }
        return steps.Select(s => new RunResult(s.Key, summaries.GetValueOrDefault(s.Key).Seed, s.Value,
            summaries.GetValueOrDefault(s.Key).Summary ?? new SummaryMetrics(), events.GetValueOrDefault(s.Key) ?? [], [])).ToList();
    }

    private static void Add<T>(IDictionary<int, List<T>> map, int key, T value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }

    private static void ReadTable(string path, Action<string[], string[], Func<string, int>> row)
    {
        string[]? header = null;
        foreach (string[] fields in CsvFile.Rows(path))
        {
            if (header is null)
            {
                header = fields;
                continue;
            }
            string[] h = header;
            row(h, fields, name => CsvFile.Column(path, h, name));
        }
        if (header is null) throw new InvalidDataException($"{path}: empty file");
    }

    /// <summary>Sets each numeric property whose name matches a column from <paramref name="first"/> on (underscores ignored).</summary>
    private static void Fill(object record, string[] header, string[] fields, int first)
    {
        var properties = record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && (p.PropertyType == typeof(double) || p.PropertyType == typeof(int)))
            .ToDictionary(p => p.Name.ToLowerInvariant(), StringComparer.Ordinal);
        for (int c = first; c < header.Length && c < fields.Length; c++)
        {
            if (!properties.TryGetValue(header[c].Replace("_", "", StringComparison.Ordinal), out PropertyInfo? p)) continue;
            double value = CsvFile.Number(fields[c]);
            p.SetValue(record, p.PropertyType == typeof(int) ? (object)(int)value : value);
        }
    }
}
