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

    public static IReadOnlyList<string> RunsHeader(SweepPlan plan) => RunsFields(plan.Parameters.Select(p => p.Path).ToArray()).Select(f => f.Name).ToArray();

    public static IReadOnlyList<string> PointsHeader(SweepPlan plan, IReadOnlyList<int> metrics) =>
        PointsFields(plan.Parameters.Select(p => p.Path).ToArray(), metrics).Select(f => f.Name).ToArray();

    public static TableField Point { get; } = TableField.Integer("point", "design point number, from 0 (a threshold search: the evaluation)");

    /// <summary>runs.csv's columns (a threshold search's too): run, point, replication, seed, each swept parameter, every summary metric, status, error.</summary>
    public static IReadOnlyList<TableField> RunsFields(IReadOnlyList<string> parameters) =>
    [
        TableField.Integer("run_id", "run number, from 0: point x replications + replication"), Point, RunCsv.Replication,
        TableField.Seed("seed", "the run's seed, derived from the master seed, the point and the replication"),
        .. parameters.Select(p => TableField.Parameter(p, "the value at this point of the swept")),
        .. SummaryMetrics.Columns.Select(c => TableField.Metric(c) with { Description = c.Description + " (empty when the run failed)" }),
        TableField.Text("status", "completed, or failed (see error)") with { Values = [JournalEntry.CompletedStatus, JournalEntry.FailedStatus] },
        TableField.Text("error", "why the run failed; empty when it completed"),
    ];

    /// <summary>points.csv's columns: the point, each swept parameter, and for each reported metric (by index) mean, sd, ci_low, ci_high, n.</summary>
    public static IReadOnlyList<TableField> PointsFields(IReadOnlyList<string> parameters, IReadOnlyList<int> metrics) =>
    [
        Point, .. parameters.Select(p => TableField.Parameter(p, "the value at this point of the swept")),
        .. metrics.SelectMany(m => Statistics(SummaryMetrics.Columns[m])),
    ];

    /// <summary>The columns of one metric's statistics in points.csv, in <see cref="StatisticSuffixes"/> order.</summary>
    private static IEnumerable<TableField> Statistics(MetricColumn<SummaryMetrics> metric)
    {
        TableField field = TableField.Metric(metric);
        string of = $"{metric.Name} ({metric.Description})";
        string interval = $"95% interval of the mean, inside the metric's domain (see manifest.json's intervals); empty with fewer than {SampleStatistics.MinimumForInterval} replications";
        yield return field.Renamed($"{metric.Name}_mean", $"mean over the point's completed replications of {of}");
        yield return TableField.Bounded(field.Renamed($"{metric.Name}_sd", $"sample standard deviation over the point's completed replications of {metric.Name}"),
            ValueDomain.NonNegative);
        yield return field.Renamed($"{metric.Name}_ci_low", $"lower end of the {interval}");
        yield return field.Renamed($"{metric.Name}_ci_high", $"upper end of the {interval}");
        yield return TableField.Integer($"{metric.Name}_n", $"completed replications behind {metric.Name}'s statistics") with { Minimum = 0 };
    }

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
