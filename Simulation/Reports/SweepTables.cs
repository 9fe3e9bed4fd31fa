using TrustSim.Analysis;
using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Metrics;

namespace TrustSim.Reports;

/// <summary>
/// runs.csv and points.csv of a sweep folder, written from journal entries streamed in run-id order
/// (runs of a design point are consecutive ids, so each point's statistics need only its own runs).
/// </summary>
internal static class SweepTables
{
    public const string RunsFile = "runs.csv";
    public const string PointsFile = "points.csv";

    /// <summary>The statistics points.csv gives for each metric, as column-name suffixes.</summary>
    public static IReadOnlyList<string> StatisticSuffixes { get; } = ["mean", "sd", "ci_low", "ci_high", "n"];

    public static IReadOnlyList<string> RunsHeader(SweepPlan plan) =>
        ["run_id", "point", "replication", "seed", .. plan.Parameters.Select(p => p.Path),
         .. SummaryMetrics.Columns.Select(c => c.Name), "status", "error"];

    public static IReadOnlyList<string> PointsHeader(SweepPlan plan, IReadOnlyList<int> metrics) =>
        ["point", .. plan.Parameters.Select(p => p.Path),
         .. metrics.SelectMany(m => StatisticSuffixes.Select(s => $"{SummaryMetrics.Columns[m].Name}_{s}"))];

    /// <summary>One row per run: its id, point, replication, seed, parameter values, every summary metric, status and error.</summary>
    public static void WriteRuns(string path, SweepPlan plan, IEnumerable<JournalEntry> entries)
    {
        IReadOnlyList<string> header = RunsHeader(plan);
        CsvTable.Write(path, header, entries.Select(e =>
        {
            var row = new List<string>(header.Count)
            {
                CsvText.Integer(e.RunId), CsvText.Integer(e.Point), CsvText.Integer(e.Replication), CsvText.Seed(e.Seed),
            };
            row.AddRange(plan.Points[e.Point].Values.Select(CsvText.Number));
            for (int m = 0; m < SummaryMetrics.Columns.Count; m++)
            {
                row.Add(e.Completed ? CsvText.Number(e.Metrics[m]) : "");
            }
            row.Add(e.Status);
            row.Add(e.Error ?? "");
            return (IReadOnlyList<string>)row;
        }));
    }

    /// <summary>
    /// One row per design point: its parameter values, then for each chosen metric the mean, sample
    /// sd, 95% interval (inside the metric's domain, see IntervalMethod) and n over the point's
    /// completed replications; fewer than SampleStatistics.MinimumForInterval of them get no interval.
    /// </summary>
    public static void WritePoints(string path, SweepPlan plan, IReadOnlyList<int> metrics, IEnumerable<JournalEntry> entries) =>
        CsvTable.Write(path, PointsHeader(plan, metrics), PointRows(plan, metrics, entries));

    private static IEnumerable<IReadOnlyList<string>> PointRows(SweepPlan plan, IReadOnlyList<int> metrics, IEnumerable<JournalEntry> entries)
    {
        var values = metrics.Select(_ => new List<double>()).ToArray();
        int point = 0;
        foreach (JournalEntry e in entries)
        {
            while (e.Point > point)
            {
                yield return PointRow(plan, point++, metrics, values);
            }
            if (e.Completed)
            {
                for (int k = 0; k < metrics.Count; k++) values[k].Add(e.Metrics[metrics[k]]);
            }
        }
        while (point < plan.Points.Count)
        {
            yield return PointRow(plan, point++, metrics, values);
        }
    }

    private static IReadOnlyList<string> PointRow(SweepPlan plan, int point, IReadOnlyList<int> metrics, List<double>[] values)
    {
        var row = new List<string> { CsvText.Integer(point) };
        row.AddRange(plan.Points[point].Values.Select(CsvText.Number));
        for (int k = 0; k < metrics.Count; k++)
        {
            SampleStatistics s = SampleStatistics.Of(values[k], SummaryMetrics.Columns[metrics[k]].Domain);
            row.AddRange([CsvText.Number(s.Mean), CsvText.Number(s.Sd), CsvText.Number(s.CiLow), CsvText.Number(s.CiHigh), CsvText.Integer(s.N)]);
            values[k].Clear();
        }
        return row;
    }
}
