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

    public static IReadOnlyList<string> TimeseriesHeader { get; } =
        ["replication", "step", "date", .. StepMetrics.Columns.Select(c => c.Name)];

    public static IReadOnlyList<string> SummaryHeader { get; } =
        ["replication", "seed", .. SummaryMetrics.Columns.Select(c => c.Name)];

    /// <summary>One row per replication and step: the StepMetrics columns.</summary>
    public static void WriteTimeseries(string path, IReadOnlyList<RunResult> results) =>
        CsvTable.Write(path, TimeseriesHeader, InOrder(results).SelectMany(TimeseriesRows));

    /// <summary>One row per replication: its seed and the SummaryMetrics columns.</summary>
    public static void WriteSummary(string path, IReadOnlyList<RunResult> results) =>
        CsvTable.Write(path, SummaryHeader, InOrder(results).Select(SummaryRow));

    /// <summary>One row per logged event, in the engine's order within a replication (<see cref="EventsCsv"/>).</summary>
    public static void WriteEvents(string path, IReadOnlyList<RunResult> results) => EventsCsv.Write(path, results);

    /// <summary>Stable sort: replications in number order, ties kept as given.</summary>
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
