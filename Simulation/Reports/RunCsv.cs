using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Metrics;

namespace TrustSim.Reports;

/// <summary>
/// The run folder's per-replication tables. Rows are ordered by replication then step, whatever
/// order the replications finished in, so the same results always give the same bytes.
/// </summary>
internal static class RunCsv
{
    public const string TimeseriesFile = "timeseries.csv";
    public const string SummaryFile = "summary.csv";
    public const string EventsFile = EventsCsv.FileName;

    public static TableField Replication { get; } = TableField.Integer("replication", "replication number, from 0");

    public static TableField Step { get; } = TableField.Integer("step", "step number (0 is the state before the first step)");

    public static TableField Date { get; } = TableField.Date("date", "calendar date of the step");

    /// <summary>timeseries.csv's columns (and a calibration's fit-timeseries.csv): replication, step, date, every step metric.</summary>
    public static IReadOnlyList<TableField> TimeseriesFields { get; } = [Replication, Step, Date, .. StepMetrics.Columns.Select(TableField.Metric)];

    /// <summary>summary.csv's columns: replication, seed, every summary metric.</summary>
    public static IReadOnlyList<TableField> SummaryFields { get; } =
        [Replication, TableField.Seed("seed", "the replication's seed, derived from the master seed"), .. SummaryMetrics.Columns.Select(TableField.Metric)];

    public static IReadOnlyList<string> TimeseriesHeader { get; } = TimeseriesFields.Select(f => f.Name).ToArray();

    public static IReadOnlyList<string> SummaryHeader { get; } = SummaryFields.Select(f => f.Name).ToArray();

    /// <summary>One row per replication and step: the StepMetrics columns.</summary>
    public static void WriteTimeseries(string path, IReadOnlyList<RunResult> results) =>
        CsvTable.Write(path, TimeseriesHeader, InOrder(results).SelectMany(TimeseriesRows));

    /// <summary>One row per replication: its seed and the SummaryMetrics columns.</summary>
    public static void WriteSummary(string path, IReadOnlyList<RunResult> results) =>
        CsvTable.Write(path, SummaryHeader, InOrder(results).Select(SummaryRow));

    /// <summary>One row per logged event, in the engine's order within a replication (<see cref="EventsCsv"/>).</summary>
    public static void WriteEvents(string path, IReadOnlyList<RunResult> results) => EventsCsv.Write(path, results);

    /// <summary>Stable sort: replications in number order, ties kept as given.</summary>
    /// <summary>
    /// A table of one row per item of each replication (events, institutions): replications in order, the
    /// replication first, then each column's text of the item.
    /// </summary>
    internal static void WriteItems<T>(string path, IReadOnlyList<RunResult> results, Func<RunResult, IEnumerable<T>> items,
        IReadOnlyList<(TableField Field, Func<T, string> Text)> columns)
    {
        var header = new List<string> { Replication.Name };
        header.AddRange(columns.Select(c => c.Field.Name));
        CsvTable.Write(path, header, InOrder(results).SelectMany(result => items(result).Select(item =>
        {
            var row = new string[header.Count];
            row[0] = CsvText.Integer(result.Replication);
            for (int c = 0; c < columns.Count; c++) row[1 + c] = columns[c].Text(item);
            return (IReadOnlyList<string>)row;
        })));
    }

    internal static IEnumerable<RunResult> InOrder(IReadOnlyList<RunResult> results) =>
        results.OrderBy(r => r.Replication);

    private static IEnumerable<IReadOnlyList<string>> TimeseriesRows(RunResult result)
    {
        string replication = CsvText.Integer(result.Replication);
        foreach (StepMetrics step in result.Steps)
        {
            var row = new string[TimeseriesHeader.Count];
            row[0] = replication;
            row[1] = CsvText.Integer(step.Step);
            row[2] = CsvText.Date(step.Date);
            for (int c = 0; c < StepMetrics.Columns.Count; c++)
            {
                row[3 + c] = CsvText.Number(StepMetrics.Columns[c].Read(step));
            }
            yield return row;
        }
    }

    private static IReadOnlyList<string> SummaryRow(RunResult result)
    {
        var row = new string[SummaryHeader.Count];
        row[0] = CsvText.Integer(result.Replication);
        row[1] = CsvText.Seed(result.Seed);
        for (int c = 0; c < SummaryMetrics.Columns.Count; c++)
        {
            row[2 + c] = CsvText.Number(SummaryMetrics.Columns[c].Read(result.Summary));
        }
        return row;
    }
}
