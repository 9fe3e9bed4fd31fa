using System.Globalization;

namespace TrustSim.Reports.Html;

/// <summary>The page of a threshold search: where the metric's mean crosses the level, every evaluation, the chart.</summary>
internal static class ThresholdPage
{
    public static ReportPage Build(ReportSource source)
    {
        var manifest = source.Manifest;
        var threshold = manifest.Threshold ?? throw new ArgumentException("not a threshold search", nameof(source));
        var evaluations = CsvRows.Read(source.PathOf(ThresholdFolder.FileName), ThresholdFolder.Header);
        int replications = manifest.Sweep?.Replications ?? 0;
        var found = new List<IReadOnlyList<string>>
        {
            new[] { "searched parameter", threshold.Parameter },
            new[] { "watched metric", threshold.Metric },
            new[] { "level", ReportNumbers.Format(threshold.Level) },
            new[] { "threshold", threshold.Threshold is { } t ? ReportNumbers.Format(t) : "none: the level is not between the means at the bounds" },
            new[] { "95% interval", threshold.CiLow is { } low && threshold.CiHigh is { } high ? ReportNumbers.Interval(low, high) : "" },
            new[] { "final bracket", ReportNumbers.Interval(threshold.BracketLow, threshold.BracketHigh) },
            new[] { "evaluations", ReportNumbers.Count(threshold.Evaluations) },
        };
        var tables = new List<ReportTable>
        {
            ReportTable.Whole("threshold", "Threshold",
                $"The value of {threshold.Parameter} at which the mean of {threshold.Metric} crosses {ReportNumbers.Format(threshold.Level)}: linear " +
                "interpolation in the final bracket, with a percentile bootstrap interval over the replications at its two ends.",
                [new("what"), new("value")], found),
            ReportTable.Whole("evaluations", "Evaluations",
                $"In the order the search made them; the mean of {threshold.Metric} over each value's replications and its 95% interval. From threshold.csv.",
                [ReportColumn.Number("evaluation"), ReportColumn.Number(threshold.Parameter), ReportColumn.Number("mean"), ReportColumn.Number("95% interval"),
                    ReportColumn.Number("n")],
                evaluations.Rows.Select(r => (IReadOnlyList<string>)
                [
                    r[evaluations.Column("evaluation")], CsvRows.Formatted(r, evaluations.Column("value")), CsvRows.Formatted(r, evaluations.Column("mean")),
                    ReportNumbers.Interval(CsvRows.Number(r, evaluations.Column("ci_low")), CsvRows.Number(r, evaluations.Column("ci_high"))),
                    r[evaluations.Column("n")],
                ]).ToList()),
        };
        var facts = new List<string>
        {
            $"{threshold.Metric} = {ReportNumbers.Format(threshold.Level)} along {threshold.Parameter}",
            $"{ReportPages.Counted(threshold.Evaluations, "evaluation")} x {ReportPages.Counted(replications, "replication")}",
            $"master seed {manifest.MasterSeed.ToString(CultureInfo.InvariantCulture)}",
            $"ended {ProvenanceFacts.Time(manifest.EndedUtc)}",
        };
        var warnings = threshold.Bracketed ? [] : new List<string>
        {
            $"The means of {threshold.Metric} at both bounds of {threshold.Parameter} lie on the same side of {ReportNumbers.Format(threshold.Level)}: no threshold was sought.",
        };
        var notes = manifest.Sweep is { } sweep ? SweepPage.IntervalNotes(sweep.Intervals, [threshold.Metric], "evaluated value") : [];
        return ReportPages.Page(source, "Threshold search", manifest.ScenarioName, facts, notes, tables, RunFolder.ScenarioFile, warnings);
    }
}
