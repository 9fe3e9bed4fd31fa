using System.Globalization;

namespace TrustSim.Reports.Html;

/// <summary>The page of a sweep folder: the design points with the charted metrics, sensitivity indices for Sobol and Morris designs, the charts.</summary>
internal static class SweepPage
{
    /// <summary>Design points shown on the page; points.csv holds every one.</summary>
    internal const int MaxPoints = 500;

    public static ReportPage Build(ReportSource source)
    {
        var manifest = source.Manifest;
        var sweep = manifest.Sweep ?? throw new ArgumentException("not a sweep folder", nameof(source));
        var points = CsvRows.Read(source.PathOf(SweepTables.PointsFile), ["point", .. sweep.Parameters]);
        var metrics = Metrics(source, points);
        var tables = new List<ReportTable>();
        // A Sobol or Morris design is run for its indices: they come first, the points behind them.
        if (File.Exists(source.PathOf(SensitivityFolder.FileName)))
            tables.Add(SensitivityTable(CsvRows.Read(source.PathOf(SensitivityFolder.FileName), SensitivityFolder.Header), sweep.Design));
        tables.Add(PointsTable(points, sweep.Parameters, metrics, sweep.Intervals));
        var facts = new List<string>
        {
            $"{sweep.Design.Replace('_', ' ')} design over {ReportPages.Counted(sweep.Parameters.Count, "parameter")}",
            $"{ReportPages.Counted(sweep.Points, "point")} x {ReportPages.Counted(sweep.Replications, "replication")} = {ReportPages.Counted(sweep.Runs, "run")}",
            $"{ReportNumbers.Count(sweep.Failed)} failed",
            $"master seed {manifest.MasterSeed.ToString(CultureInfo.InvariantCulture)}",
            $"ended {ProvenanceFacts.Time(manifest.EndedUtc)}",
        };
        return ReportPages.Page(source, "Sweep", manifest.ScenarioName, facts, IntervalNotes(sweep.Intervals, metrics, "design point"), tables, RunFolder.ScenarioFile);
    }

    /// <summary>The metrics the sweep charts (its own list, or the key metrics), as far as points.csv has them.</summary>
    internal static IReadOnlyList<string> Metrics(ReportSource source, CsvRows points)
    {
        var charted = source.Scenario?.Sweep is { } settings ? SweepFolder.ChartedMetrics(settings) : SweepFolder.KeyMetrics;
        return charted.Where(m => points.Column($"{m}_mean") >= 0).ToList();
    }

    /// <summary>
    /// Sentences on how the intervals were built, for the methods the shown metrics use; <paramref name="unit"/> is
    /// what has the replications ("design point", "side", "evaluated value").
    /// </summary>
    internal static IReadOnlyList<string> IntervalNotes(IntervalsManifest intervals, IReadOnlyList<string> metrics, string unit)
    {
        string level = ReportNumbers.Format(intervals.Level * 100);
        string a = "aeiou".Contains(unit[0], StringComparison.Ordinal) ? "an" : "a";
        var notes = new List<string>
        {
            $"Each interval is a {level}% interval for the mean over {a} {unit}'s replications, built inside the metric's domain; " +
            $"{a} {unit} with fewer than {intervals.MinimumReplications} replications has none.",
        };
        foreach (var method in metrics.Select(m => intervals.Methods.GetValueOrDefault(m)).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var users = metrics.Where(m => intervals.Methods.GetValueOrDefault(m) == method).ToList();
            if (intervals.MethodDescriptions.TryGetValue(method, out var description))
                notes.Add($"{method}: {description}. Used for {string.Join(", ", users)}.");
        }
        return notes;
    }

    private static ReportTable PointsTable(CsvRows points, IReadOnlyList<string> parameters, IReadOnlyList<string> metrics, IntervalsManifest intervals)
    {
        int point = points.Column("point");
        int[] parameterColumns = parameters.Select(points.Column).ToArray();
        var metricColumns = metrics.Select(m => (Mean: points.Column($"{m}_mean"), Low: points.Column($"{m}_ci_low"), High: points.Column($"{m}_ci_high"))).ToArray();
        int n = metrics.Count > 0 ? points.Column($"{metrics[0]}_n") : -1;
        var rows = points.Rows.Take(MaxPoints).Select(r => (IReadOnlyList<string>)
        [
            r[point],
            .. parameterColumns.Select(c => CsvRows.Formatted(r, c)),
            .. metricColumns.Select(m => Cell(r, m.Mean, m.Low, m.High)),
            n < 0 ? "" : r[n],
        ]).ToList();
        var columns = new List<ReportColumn> { ReportColumn.Number("point") };
        columns.AddRange(parameters.Select(ReportColumn.Number));
        columns.AddRange(metrics.Select(ReportColumn.Number));
        columns.Add(ReportColumn.Number("n"));
        return new ReportTable("points", "Design points",
            $"Each metric's mean over the point's replications and its {ReportNumbers.Format(intervals.Level * 100)}% interval. " +
            "points.csv has every summary metric with its sd and interval; runs.csv has every run.",
            columns, rows, points.Rows.Count);
    }

    /// <summary>"mean [low, high]", or the mean alone when it has no interval.</summary>
    internal static string Cell(string[] row, int mean, int low, int high)
    {
        string m = CsvRows.Formatted(row, mean);
        string ci = ReportNumbers.Interval(CsvRows.Number(row, low), CsvRows.Number(row, high));
        return ci.Length == 0 ? m : $"{m} {ci}";
    }

    /// <summary>One row per metric and parameter, one column per index (S1 and ST, or mu, mu* and sigma), each with its bootstrap interval.</summary>
    private static ReportTable SensitivityTable(CsvRows sensitivity, string design)
    {
        int metric = sensitivity.Column("metric"), parameter = sensitivity.Column("parameter"), index = sensitivity.Column("index");
        int value = sensitivity.Column("value"), low = sensitivity.Column("ci_low"), high = sensitivity.Column("ci_high");
        var indices = sensitivity.Rows.Select(r => r[index]).Distinct(StringComparer.Ordinal).ToList();
        var keys = sensitivity.Rows.Select(r => (Metric: r[metric], Parameter: r[parameter])).Distinct().ToList();
        var rows = keys.Select(k => (IReadOnlyList<string>)
        [
            ReportPages.Described(k.Metric), k.Parameter,
            .. indices.Select(i => sensitivity.Rows.FirstOrDefault(r => r[metric] == k.Metric && r[parameter] == k.Parameter && r[index] == i) is { } row
                ? Cell(row, value, low, high) : ""),
        ]).ToList();
        string what = design == "morris"
            ? "Morris elementary effects: mu (mean effect), mu_star (mean absolute effect: how much the parameter moves the metric) and sigma (how much that effect varies)"
            : "Sobol indices: S1, the share of the metric's variance the parameter explains alone, and ST, with its interactions";
        return ReportTable.Whole("sensitivity", "Sensitivity indices", $"{what}; each with its 95% bootstrap interval. Empty (or inf) where the metric does not vary over the design. From sensitivity.csv.",
            [new("metric"), new("parameter"), .. indices.Select(ReportColumn.Number)], rows) with { GroupedByFirstColumn = true };
    }
}
