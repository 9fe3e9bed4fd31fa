using System.Reflection;
using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// Reads a run folder's timeseries.csv, summary.csv and events.csv back into run results, so its
/// charts can be redrawn and its replications compared from the data files alone. Everything read is
/// checked against manifest.json and scenario.yaml: every column by name, one summary row and
/// steps + 1 time-series rows for each of the manifest's replications, with its seed, and every number.
/// A file that does not hold that is a <see cref="DataFileException"/> naming it and the line, never zeros.
/// Columns are matched to record properties by name (snake_case), so a column added to the writers is
/// read back without a change here.
/// </summary>
internal static class RunFolderReader
{
    /// <summary>The replications of the run folder <paramref name="folder"/>, whose resolved scenario is <paramref name="scenario"/>.</summary>
    public static IReadOnlyList<RunResult> Read(string folder, Scenario scenario)
    {
        Manifest manifest = ManifestReader.Read(folder);
        ManifestReader.RequireStatus(folder, manifest, RunStatus.Completed);
        string manifestPath = Path.Combine(folder, ManifestJson.FileName);
        var seeds = manifest.Replications.ToDictionary(r => r.Replication, r => r.Seed);
        int replications = manifest.Replications.Count;
        if (replications == 0 || seeds.Count != replications || seeds.Keys.Any(r => r < 0 || r >= replications))
            throw new DataFileException($"{manifestPath}: its replications are not numbered 0 to {Math.Max(0, replications - 1)} once each");

        var steps = ReadTimeseries(Path.Combine(folder, RunCsv.TimeseriesFile), replications, scenario.Time.Steps + 1, RunFolder.ScenarioFile);
        var summaries = ReadSummary(Path.Combine(folder, RunCsv.SummaryFile), seeds);
        var events = EventsCsv.Read(Path.Combine(folder, RunCsv.EventsFile), replications, scenario.Time.Steps);
        return Enumerable.Range(0, replications)
            .Select(r => new RunResult(r, seeds[r], steps[r], summaries[r], events[r], [])).ToList();
    }

    /// <summary>
    /// Replications from a time-series file and an events file alone (a calibration folder's replications at the
    /// fit), one for each of <paramref name="seeds"/>, each with steps 0 to <paramref name="lastStep"/>; no summaries.
    /// </summary>
    public static IReadOnlyList<RunResult> ReadSeries(string timeseriesPath, string eventsPath, IReadOnlyList<ulong> seeds, int lastStep, string scenarioFile)
    {
        if (seeds.Count == 0) throw new DataFileException($"{timeseriesPath}: manifest.json lists no replications to read");
        var steps = ReadTimeseries(timeseriesPath, seeds.Count, lastStep + 1, scenarioFile);
        var events = EventsCsv.Read(eventsPath, seeds.Count, lastStep);
        return Enumerable.Range(0, seeds.Count).Select(r => new RunResult(r, seeds[r], steps[r], new SummaryMetrics(), events[r], [])).ToList();
    }

    private static List<StepMetrics>[] ReadTimeseries(string path, int replications, int stepsPerReplication, string scenarioFile)
    {
        var steps = new List<StepMetrics>[replications];
        using var sheet = CsvSheet.Open(path, RunCsv.TimeseriesHeader);
        int replication = sheet.Column("replication"), step = sheet.Column("step"), date = sheet.Column("date");
        var fill = Filler.For<StepMetrics>(sheet, first: 3);
        int current = -1;
        while (sheet.Next())
        {
            int r = sheet.Int(replication, 0, replications - 1);
            if (r != current)
            {
                if (current >= 0) RequireAllSteps(sheet, current, steps[current].Count, stepsPerReplication, scenarioFile);
                if (steps[r] is not null || r < current) throw sheet.Problem(replication, $"replication {r} appears again after other replications (rows are written one replication at a time)");
                steps[r] = new List<StepMetrics>(stepsPerReplication);
                current = r;
            }
            int expected = steps[r].Count;
            var row = new StepMetrics { Step = sheet.Int(step, expected, expected), Date = sheet.Date(date) };
            fill(sheet, row);
            steps[r].Add(row);
        }
        if (current >= 0) RequireAllSteps(sheet, current, steps[current].Count, stepsPerReplication, scenarioFile);
        int missing = Array.FindIndex(steps, s => s is null);
        if (missing >= 0) throw sheet.FileProblem($"no rows for replication {missing} of the {replications} in manifest.json ({sheet.Rows} rows read; a truncated file?)");
        return steps;
    }

    private static void RequireAllSteps(CsvSheet sheet, int replication, int count, int expected, string scenarioFile)
    {
        if (count != expected)
            throw sheet.FileProblem($"replication {replication} has {count} rows where {scenarioFile}'s time.steps gives {expected} (steps 0 to {expected - 1})");
    }

    private static SummaryMetrics[] ReadSummary(string path, IReadOnlyDictionary<int, ulong> seeds)
    {
        var summaries = new SummaryMetrics[seeds.Count];
        using var sheet = CsvSheet.Open(path, RunCsv.SummaryHeader);
        int replication = sheet.Column("replication"), seed = sheet.Column("seed");
        var fill = Filler.For<SummaryMetrics>(sheet, first: 2);
        while (sheet.Next())
        {
            int r = sheet.Int(replication, 0, seeds.Count - 1);
            if (summaries[r] is not null) throw sheet.Problem(replication, $"replication {r} appears twice");
            if (sheet.Unsigned(seed) != seeds[r]) throw sheet.Problem(seed, $"replication {r}'s seed differs from manifest.json's ({SeedText.Format(seeds[r])})");
            var summary = new SummaryMetrics();
            fill(sheet, summary);
            summaries[r] = summary;
        }
        int missing = Array.FindIndex(summaries, s => s is null);
        if (missing >= 0) throw sheet.FileProblem($"{sheet.Rows} rows for the {seeds.Count} replications in manifest.json (replication {missing} has none)");
        return summaries;
    }

    /// <summary>
    /// Sets each numeric property whose name matches a column from the first metric column on (underscores
    /// ignored); a column of an int property must hold a whole number that fits, a double column a finite
    /// number or nothing (an undefined metric).
    /// </summary>
    private static class Filler
    {
        public static Action<CsvSheet, object> For<T>(CsvSheet sheet, int first)
        {
            var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && (p.PropertyType == typeof(double) || p.PropertyType == typeof(int)))
                .ToDictionary(p => p.Name.ToLowerInvariant(), StringComparer.Ordinal);
            var columns = new List<(int Column, PropertyInfo Property)>();
            for (int c = first; c < sheet.Header.Count; c++)
            {
                if (properties.TryGetValue(sheet.Header[c].Replace("_", "", StringComparison.Ordinal), out PropertyInfo? p)) columns.Add((c, p));
            }
            return (s, record) =>
            {
                foreach (var (c, p) in columns)
                {
                    object value = p.PropertyType == typeof(int) ? (object)s.Int(c, int.MinValue, int.MaxValue) : s.NumberOrMissing(c);
                    p.SetValue(record, value);
                }
            };
        }
    }
}
