using TrustSim.Experiments;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// Lays out a sweep folder. While the sweep runs, only journal.jsonl and parts/ grow; at the end the
/// final data files are assembled from them in run-id order, one run at a time, then the charts,
/// then manifest.json last, so a folder without a manifest is recognisably unfinished.
/// </summary>
internal static class SweepFolder
{
    /// <summary>Key metrics charted when the sweep names none.</summary>
    public static IReadOnlyList<string> KeyMetrics { get; } =
    [
        "final_reputation", "final_partners_full", "final_partners_limited", "records_held_final", "final_adoption",
        "peak_exits_2_steps",
    ];

    /// <summary>Indexes into <see cref="SummaryMetrics.Columns"/> of the metrics points.csv reports: the sweep's list, or all.</summary>
    public static IReadOnlyList<int> ReportedMetrics(SweepSettings sweep) =>
        sweep.Metrics.Count == 0
            ? Enumerable.Range(0, SummaryMetrics.Columns.Count).ToArray()
            : sweep.Metrics.Select(name => IndexOfMetric(name)).Where(i => i >= 0).ToArray();

    /// <summary>Names of the metrics charted: the sweep's list, or the key metrics.</summary>
    public static IReadOnlyList<string> ChartedMetrics(SweepSettings sweep) =>
        sweep.Metrics.Count == 0 ? KeyMetrics : sweep.Metrics.Where(m => IndexOfMetric(m) >= 0).ToArray();

    public static int IndexOfMetric(string name)
    {
        for (int i = 0; i < SummaryMetrics.Columns.Count; i++)
        {
            if (SummaryMetrics.Columns[i].Name == name) return i;
        }
        return -1;
    }

    /// <summary>
    /// Writes runs.csv, points.csv and timeseries.parquet from the journal and the runs' series (in
    /// <paramref name="seriesFolders"/>: the folder itself when null). Every run of the plan must be
    /// journaled. Returns the journal's index (its counts of completed and failed runs). The journal is read once, in run-id order, and each entry
    /// handed to the three writers, which run side by side, so the slowest (the Parquet file) sets the
    /// time. Cancelled or failed part way, no file being written is left under its name.
    /// </summary>
    public static JournalIndex AssembleData(string folder, SweepPlan plan, IReadOnlyList<string>? seriesFolders = null,
        CancellationToken cancel = default)
    {
        string journalPath = Path.Combine(folder, SweepJournal.FileName);
        JournalIndex index = JournalIndex.Build(journalPath, plan);

        IEnumerable<JournalEntry> InOrder()
        {
            using var journal = new FileStream(journalPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            for (long id = 0; id < plan.RunCount; id++)
            {
                cancel.ThrowIfCancellationRequested();
                long offset = index.OffsetOf(id);
                if (offset < 0) throw new InvalidOperationException($"run {id} has no journal entry; the sweep is unfinished");
                yield return SweepJournal.ReadAt(journal, offset);
            }
        }

        string runs = Path.Combine(folder, SweepTables.RunsFile);
        string points = Path.Combine(folder, SweepTables.PointsFile);
        string series = Path.Combine(folder, TimeseriesParquet.FileName);
        JournalFanOut.Run(InOrder(),
            entries => SweepTables.WriteRuns(runs, plan, entries),
            entries => SweepTables.WritePoints(points, plan, ReportedMetrics(plan.Sweep), entries),
            entries =>
            {
                using RunSeriesStore store = SweepSeries.Open(seriesFolders ?? [folder], plan);
                TimeseriesParquet.Write(series, store, entries);
            });
        return index;
    }

    /// <summary>Removes the journal, spool and start record of an earlier sweep, for a fresh sweep into a forced folder.</summary>
    public static void ClearProgress(string folder)
    {
        File.Delete(Path.Combine(folder, SweepJournal.FileName));
        File.Delete(Path.Combine(folder, SweepStart.FileName));
        string parts = Path.Combine(folder, RunSpool.FolderName);
        if (Directory.Exists(parts)) Directory.Delete(parts, recursive: true);
    }
}
