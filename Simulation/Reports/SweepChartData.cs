using TrustSim.Analysis;
using TrustSim.Charts;
using TrustSim.Core;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// Builds a sweep's chart specs from its data files alone (scenario.yaml, points.csv, runs.csv,
/// timeseries.parquet), so `sweep` and `plot` draw the same charts.
/// </summary>
internal static class SweepChartData
{
    /// <summary>Most lines in one response chart before the other parameter is pooled into marginal means.</summary>
    public const int MaxLines = 6;

    /// <summary>Most design points for which fan charts are drawn.</summary>
    public const int MaxFanPoints = 8;

    /// <summary>The specs of a sweep folder being written (no manifest yet): points.csv is checked for shape, not count.</summary>
    public static SweepChartSpecs Build(string folder, Scenario scenario) => Build(folder, scenario, null);

    /// <summary>
    /// The specs from a finished folder's files, checked against <paramref name="expected"/> (manifest.json's
    /// sweep section) when given: points.csv has its points, runs.csv its runs, timeseries.parquet only its
    /// points and replications. A file that does not is a <see cref="DataFileException"/> naming it.
    /// </summary>
    public static SweepChartSpecs Build(string folder, Scenario scenario, SweepInfo? expected)
    {
        SweepSettings sweep = scenario.Sweep ?? throw new DataFileException($"{Path.Combine(folder, "scenario.yaml")}: has no sweep section");
        var parameters = sweep.Parameters.Select(p => p.Path).ToArray();
        IReadOnlyList<string> metrics = SweepFolder.ChartedMetrics(sweep);
        bool grid = sweep.Design == SweepDesign.Grid;
        // A sampled design may have hundreds of thousands of points: they are binned as they are read, and kept
        // only while few enough to draw one by one, so charting takes the same memory however many there are.
        var bins = grid ? null : new PointBins(sweep.Parameters, metrics);
        var points = ReadPoints(Path.Combine(folder, SweepTables.PointsFile), parameters, metrics, expected?.Points, expected?.Replications,
            grid ? int.MaxValue : MaxDrawnPoints + 1, bins);
        string name = scenario.Name;

        var responses = new List<ResponseChartSpec>();
        for (int k = 0; k < parameters.Length; k++)
        {
            foreach (string metric in metrics)
            {
                responses.Add(bins is { Points: > MaxDrawnPoints }
                    ? Binned(name, parameters[k], k, metric, bins)
                    : Response(folder, name, parameters, k, metric, points, grid, sweep.Replications, expected?.Runs));
            }
        }
        var heatmaps = new List<HeatmapSpec>();
        if (grid && parameters.Length == 2)
        {
            heatmaps.AddRange(metrics.Select(m => Heatmap(name, parameters, m, points)));
        }
        var fans = points.Count <= MaxFanPoints ? Fans(folder, scenario, parameters, points, expected?.Replications ?? int.MaxValue) : [];
        return new SweepChartSpecs(responses, heatmaps, fans);
    }

    /// <summary>A design point as points.csv gives it: parameter values and each metric's statistics.</summary>
    internal sealed record PointRow(int Point, double[] Values, IReadOnlyDictionary<string, SampleStatistics> Metrics);

    /// <summary>
    /// points.csv back: one row per design point, numbered 0, 1, 2... in order, each parameter a finite number,
    /// each statistic a finite number or empty (undefined), n a count of at most <paramref name="replications"/>;
    /// <paramref name="points"/> rows when given.
    /// </summary>
    internal static List<PointRow> ReadPoints(string path, IReadOnlyList<string> parameters, IReadOnlyList<string> metrics,
        int? points = null, int? replications = null, int keep = int.MaxValue, PointBins? bins = null)
    {
        var rows = new List<PointRow>();
        int read = 0;
        string[] statistics = [.. metrics.SelectMany(m => SweepTables.StatisticSuffixes.Select(s => $"{m}_{s}"))];
        using var sheet = CsvSheet.Open(path, ["point", .. parameters, .. statistics]);
        int point = sheet.Column("point");
        int[] parameterColumns = parameters.Select(sheet.Column).ToArray();
        int[] statisticColumns = statistics.Select(sheet.Column).ToArray();
        int most = replications ?? int.MaxValue;
        while (sheet.Next())
        {
            int id = sheet.Int(point, read, read);
            if (points is { } count && id >= count) throw sheet.Problem($"more rows than the {count} design points in manifest.json");
            var stats = new Dictionary<string, SampleStatistics>();
            for (int k = 0; k < metrics.Count; k++)
            {
                int at = k * SweepTables.StatisticSuffixes.Count;
                double Get(int i) => sheet.NumberOrMissing(statisticColumns[at + i]);
                stats[metrics[k]] = new SampleStatistics(Get(0), Get(1), Get(2), Get(3), sheet.Int(statisticColumns[at + 4], 0, most));
            }
            var row = new PointRow(id, parameterColumns.Select(sheet.Number).ToArray(), stats);
            bins?.Add(row);
            if (read++ < keep) rows.Add(row);
        }
        if (points is { } expected && read != expected)
            throw sheet.FileProblem($"{read} rows for the {expected} design points in manifest.json (a truncated file?)");
        return rows;
    }

    private static ResponseChartSpec Response(string folder, string name, string[] parameters, int k, string metric,
        List<PointRow> points, bool grid, int replications, long? runs)
    {
        string file = $"response-{metric}-vs-{FileSafe(parameters[k])}.png";
        string title = $"{name}: {metric} against {parameters[k]}";
        string yLabel = MetricLabel(metric);
        string ci = IntervalNote(metric, replications);
        if (!grid || parameters.Length == 1)
        {
            var ordered = points.OrderBy(p => p.Values[k]).ToList();
            var line = Line("", ordered.Select(p => p.Values[k]), ordered.Select(p => p.Metrics[metric]));
            return new ResponseChartSpec(file, title, ScenarioKeyCatalog.AxisLabel(parameters[k]), yLabel, [line], grid, ci);
        }
        if (parameters.Length == 2)
        {
            int other = 1 - k;
            var groups = points.GroupBy(p => p.Values[other]).OrderBy(g => g.Key).ToList();
            if (groups.Count <= MaxLines)
            {
                var lines = groups.Select(g =>
                {
                    var ordered = g.OrderBy(p => p.Values[k]).ToList();
                    return Line($"{parameters[other]} = {ChartStyle.Number(g.Key)}", ordered.Select(p => p.Values[k]), ordered.Select(p => p.Metrics[metric]));
                }).ToList();
                return new ResponseChartSpec(file, title, ScenarioKeyCatalog.AxisLabel(parameters[k]), yLabel, lines, true, ci);
            }
        }
        var marginal = Marginal(Path.Combine(folder, SweepTables.RunsFile), parameters[k], metric, runs);
        return new ResponseChartSpec(file, title, ScenarioKeyCatalog.AxisLabel(parameters[k]), yLabel,
            [Line("", marginal.Keys, marginal.Values)], true,
            $"marginal means over the other parameters; bars: 95% CI ({IntervalMethod.For(SummaryMetrics.DomainOf(metric)).Caption}) over their runs");
    }

    /// <summary>Design points a sampled design's response chart draws one by one; above this it draws bins.</summary>
    internal const int MaxDrawnPoints = 1_000;

    /// <summary>
    /// The response of a sampled design with too many points to draw one by one (a marker and a bar each would
    /// hide one another and make an SVG of megabytes): the points' means averaged in <see cref="PointBins.Count"/>
    /// equal bins of the parameter's range, each with the 95% interval of that average over its points (which
    /// spreads over the other parameters too), joined in order.
    /// </summary>
    private static ResponseChartSpec Binned(string name, string parameter, int k, string metric, PointBins bins)
    {
        var domain = SummaryMetrics.DomainOf(metric);
        var stats = bins.Statistics(k, metric, domain);
        var used = Enumerable.Range(0, stats.Count).Where(b => stats[b].N > 0).ToArray();
        var line = Line("", used.Select(b => bins.Centre(k, b)), used.Select(b => stats[b]));
        string note = $"{bins.Points:N0} design points in {PointBins.Count} bins: each the mean of its points' means, bars its 95% CI ({IntervalMethod.For(domain).Caption})";
        return new ResponseChartSpec($"response-{metric}-vs-{FileSafe(parameter)}.png", $"{name}: {metric} against {parameter}",
            ScenarioKeyCatalog.AxisLabel(parameter), MetricLabel(metric), [line], true, note);
    }

    /// <summary>What a response chart's bars are, or why there are none.</summary>
    internal static string IntervalNote(string metric, int replications) => replications >= SampleStatistics.MinimumForInterval
        ? $"bars: 95% CI of the mean ({IntervalMethod.For(SummaryMetrics.DomainOf(metric)).Caption}), {replications} replications per point"
        : $"points only: {replications} replication{(replications == 1 ? "" : "s")} per point are too few for an interval (it needs {SampleStatistics.MinimumForInterval})";

    private static ResponseLine Line(string label, IEnumerable<double> x, IEnumerable<SampleStatistics> stats)
    {
        var s = stats.ToArray();
        return new ResponseLine(label, x.ToArray(), s.Select(v => v.Mean).ToArray(), s.Select(v => v.CiLow).ToArray(), s.Select(v => v.CiHigh).ToArray());
    }

    /// <summary>
    /// Each value of a parameter with the statistics of a metric over every completed run at it, streamed from
    /// runs.csv; run ids are 0, 1, 2... in order, <paramref name="runs"/> of them when given.
    /// </summary>
    private static SortedDictionary<double, SampleStatistics> Marginal(string runsPath, string parameter, string metric, long? runs)
    {
        var groups = new SortedDictionary<double, RunningMoments>();
        using var sheet = CsvSheet.Open(runsPath, ["run_id", parameter, metric, "status"]);
        int id = sheet.Column("run_id"), p = sheet.Column(parameter), m = sheet.Column(metric), status = sheet.Column("status");
        string[] statuses = ["completed", "failed"];
        while (sheet.Next())
        {
            long expected = sheet.Rows - 1;
            sheet.Integer(id, expected, expected);
            if (runs is { } count && expected >= count) throw sheet.Problem($"more rows than the {count} runs in manifest.json");
            if (sheet.Word(status, statuses) != "completed") continue;
            double x = sheet.Number(p);
            if (!groups.TryGetValue(x, out RunningMoments? moments)) groups[x] = moments = new RunningMoments();
            moments.Add(sheet.NumberOrMissing(m));
        }
        if (runs is { } total && sheet.Rows != total)
            throw sheet.FileProblem($"{sheet.Rows} rows for the {total} runs in manifest.json (a truncated file?)");
        return new SortedDictionary<double, SampleStatistics>(groups.ToDictionary(g => g.Key, g => g.Value.Statistics(SummaryMetrics.DomainOf(metric))));
    }

    private static HeatmapSpec Heatmap(string name, string[] parameters, string metric, List<PointRow> points)
    {
        double[] xs = points.Select(p => p.Values[0]).Distinct().Order().ToArray();
        double[] ys = points.Select(p => p.Values[1]).Distinct().Order().ToArray();
        var (values, low, high) = (new double[ys.Length, xs.Length], new double[ys.Length, xs.Length], new double[ys.Length, xs.Length]);
        var text = new string[ys.Length, xs.Length];
        for (int r = 0; r < ys.Length; r++) for (int c = 0; c < xs.Length; c++) (values[r, c], low[r, c], high[r, c], text[r, c]) = (double.NaN, double.NaN, double.NaN, "");
        foreach (PointRow p in points)
        {
            var (r, c) = (Array.IndexOf(ys, p.Values[1]), Array.IndexOf(xs, p.Values[0]));
            SampleStatistics s = p.Metrics[metric];
            (values[r, c], low[r, c], high[r, c]) = (s.Mean, s.CiLow, s.CiHigh);
            text[r, c] = double.IsNaN(s.Mean) ? "" : s.HasInterval
                ? $"{ChartStyle.Brief(s.Mean)}\n[{ChartStyle.Brief(s.CiLow)}, {ChartStyle.Brief(s.CiHigh)}]"
                : ChartStyle.Brief(s.Mean);
        }
        return new HeatmapSpec($"heatmap-{metric}.png", $"{name}: mean {metric}", ScenarioKeyCatalog.AxisLabel(parameters[0]), xs, ScenarioKeyCatalog.AxisLabel(parameters[1]), ys, values, low, high, text,
            $"Mean {metric}", NoiseNote(metric, points.Select(p => p.Metrics[metric]).ToArray()));
    }

    /// <summary>What the cells print, and whether their differences are beyond noise (one-way ANOVA across cells).</summary>
    internal static string NoiseNote(string metric, IReadOnlyList<SampleStatistics> cells)
    {
        int n = cells.Select(c => c.N).DefaultIfEmpty(0).Max();
        string what = n >= SampleStatistics.MinimumForInterval
            ? $"cells: mean [95% CI, {IntervalMethod.For(SummaryMetrics.DomainOf(metric)).Caption}], n = {n} a cell"
            : $"cells: mean of n = {n} (too few for an interval)";
        var anova = OneWayAnova.Of(cells);
        if (!anova.IsDefined) return $"{what}; whether cells differ beyond noise cannot be tested";
        string p = anova.P < 0.001 ? "p < 0.001" : FormattableString.Invariant($"p = {anova.P:0.###}");
        string verdict = anova.P < 0.05 ? "the cells differ beyond noise" : "differences between cells are within noise";
        return FormattableString.Invariant($"{what}; {verdict} (one-way ANOVA F({anova.BetweenDf}, {anova.WithinDf}) = {anova.F:0.##}, {p})");
    }

    private static List<FanChartSpec> Fans(string folder, Scenario scenario, string[] parameters, List<PointRow> points, int replications)
    {
        string[] series = ["reputation", "partners_full"];
        var byPoint = points.ToDictionary(p => p.Point, _ => new List<(DateOnly[] Dates, double[][] Values)>());
        string path = Path.Combine(folder, TimeseriesParquet.FileName);
        TimeseriesParquet.ReadRuns(path, series, (point, replication, dates, values) =>
        {
            if (!byPoint.TryGetValue(point, out var runs)) throw new DataFileException($"{path}: a run of design point {point}, which points.csv does not have");
            if (replication < 0 || replication >= replications)
                throw new DataFileException($"{path}: a run of replication {replication}, outside the sweep's 0 to {replications - 1}");
            runs.Add((dates, values));
        });
        string xLabel = ChartStyle.DateAxisLabel(scenario);
        return
        [
            new FanChartSpec("fan-reputation.png", $"{scenario.Name}: platform reputation by design point", xLabel,
                "Reputation (share trusting the platform)", Bands(points, parameters, byPoint, 0), Share: true),
            new FanChartSpec("fan-partners-full.png", $"{scenario.Name}: institutions in Full by design point", xLabel,
                "Share of institutions in Full (0-1)", Bands(points, parameters, byPoint, 1), Share: true),
        ];
    }

    private static List<FanBand> Bands(List<PointRow> points, string[] parameters,
        Dictionary<int, List<(DateOnly[] Dates, double[][] Values)>> byPoint, int column)
    {
        var bands = new List<FanBand>();
        foreach (PointRow p in points)
        {
            var runs = byPoint[p.Point];
            string label = string.Join(", ", parameters.Select((name, k) => $"{Short(name)}={ChartStyle.Number(p.Values[k])}"));
            if (runs.Count == 0)
            {
                bands.Add(new FanBand(label + " (no completed runs)", [], [], [], [], 0));
                continue;
            }
            DateOnly[] dates = runs.MaxBy(r => r.Dates.Length).Dates;
            var mean = new double[dates.Length];
            var low = new double[dates.Length];
            var high = new double[dates.Length];
            var values = new List<double>(runs.Count);
            for (int i = 0; i < dates.Length; i++)
            {
                values.Clear();
                values.AddRange(runs.Where(r => i < r.Values[column].Length && !double.IsNaN(r.Values[column][i])).Select(r => r.Values[column][i]));
                values.Sort();
                mean[i] = values.Count == 0 ? double.NaN : values.Average();
                low[i] = values.Count == 0 ? double.NaN : Quantile(values, 0.05);
                high[i] = values.Count == 0 ? double.NaN : Quantile(values, 0.95);
            }
            bands.Add(new FanBand(label, dates, mean, low, high, runs.Count));
        }
        return bands;
    }

    private static double Quantile(List<double> sorted, double q)
    {
        double position = q * (sorted.Count - 1);
        int lowIndex = (int)Math.Floor(position);
        int highIndex = Math.Min(lowIndex + 1, sorted.Count - 1);
        return sorted[lowIndex] + (position - lowIndex) * (sorted[highIndex] - sorted[lowIndex]);
    }

    /// <summary>The last segment of a parameter path, for compact legends (platform.scar -> scar).</summary>
    private static string Short(string path) => path[(path.LastIndexOf('.') + 1)..];

    private static string MetricLabel(string metric) =>
        SummaryMetrics.Columns.FirstOrDefault(c => c.Name == metric)?.Description is { } d ? $"{metric} ({d})" : metric;

    private static string FileSafe(string path) => new(path.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
