using TrustSim.Analysis;
using TrustSim.Core;
using TrustSim.Metrics;

namespace TrustSim.Reports;

/// <summary>
/// The data files of a comparison folder: comparison.csv (each side's mean and CI per metric, and each
/// side's difference from side 1) and, for runs, bands.csv (the key time series of each side as mean and
/// 5-95% band over replications), from which the charts are drawn.
/// </summary>
internal static class CompareFolder
{
    public const string FileName = "comparison.csv";
    public const string BandsFile = "bands.csv";

    /// <summary>Time series overlaid in the charts.</summary>
    public static IReadOnlyList<string> KeySeries { get; } = ["reputation", "partners_full", "adoption", "records_held"];

    /// <summary>comparison.csv's columns: one row per summary metric, side and (for sweeps) design point.</summary>
    public static IReadOnlyList<TableField> Fields { get; } =
    [
        TableField.Text("metric", "the summary metric (its unit: summary.csv's column of that name)") with { Values = SummaryMetrics.Columns.Select(c => c.Name).ToArray() },
        TableField.Text("side", "the compared side's label, as manifest.json lists the sides (side 1 is the reference)"),
        TableField.Text("point", "sweeps: the design point as path=value pairs joined by ';'; empty for runs"),
        TableField.Number("mean", "the side's mean of the metric over replications (sweeps: at the point)"),
        TableField.Bounded(TableField.Number("sd", "the side's sample standard deviation"), ValueDomain.NonNegative),
        TableField.Number("ci_low", "lower end of the mean's 95% interval, inside the metric's domain"),
        TableField.Number("ci_high", "upper end of the mean's 95% interval, inside the metric's domain"),
        TableField.Integer("n", "replications behind the statistics") with { Minimum = 0 },
        TableField.Number("difference", "this side's mean minus side 1's (empty on side 1, or where side 1 lacks the point)"),
        TableField.Number("difference_ci_low", "lower end of the difference's 95% interval"),
        TableField.Number("difference_ci_high", "upper end of the difference's 95% interval"),
        TableField.Bounded(TableField.Number("p_value", "two-sided p-value of the test that the difference is 0"), ValueDomain.UnitInterval),
        TableField.Number("effect_size", "the difference in standard deviations: d_z (paired) or Cohen's d (Welch); empty where there is no spread to scale by"),
        TableField.Text("test", "paired_t (same seeds on both sides: common random numbers) or welch_t") with { Values = ["paired_t", "welch_t"] },
    ];

    /// <summary>bands.csv's columns: for run sides, each key series' mean and 5-95% band over replications at each step.</summary>
    public static IReadOnlyList<TableField> BandsFields { get; } =
    [
        TableField.Text("side", "the compared side's label"),
        TableField.Text("series", "the step metric (its unit: timeseries.csv's column of that name)") with { Values = KeySeries },
        RunCsv.Step, RunCsv.Date,
        TableField.Number("mean", "mean over the side's replications"),
        TableField.Number("p05", "5th percentile over the side's replications (R type 7)"),
        TableField.Number("p95", "95th percentile over the side's replications (R type 7)"),
        TableField.Integer("n", "replications with a value at this step") with { Minimum = 0 },
    ];

    public static IReadOnlyList<string> Header { get; } = Fields.Select(f => f.Name).ToArray();

    public static IReadOnlyList<string> BandsHeader { get; } = BandsFields.Select(f => f.Name).ToArray();

    /// <summary>True when side k's replication seeds are side 1's, in order: its differences are paired.</summary>
    public static bool Paired(CompareSide reference, CompareSide side) =>
        side.Runs.Count == reference.Runs.Count && side.Seeds.SequenceEqual(reference.Seeds);

    /// <summary>comparison.csv of run sides: every summary metric, sides in order, differences against side 1.</summary>
    public static List<IReadOnlyList<string>> RunRows(IReadOnlyList<CompareSide> sides)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var column in SummaryMetrics.Columns)
        {
            var reference = sides[0].Runs.Select(r => column.Read(r.Summary)).ToArray();
            for (int k = 0; k < sides.Count; k++)
            {
                var values = sides[k].Runs.Select(r => column.Read(r.Summary)).ToArray();
                var stats = SampleStatistics.Of(values.Where(double.IsFinite).ToArray(), column.Domain);
                Difference? d = k == 0 ? null : Paired(sides[0], sides[k]) ? Difference.Paired(reference, values) : Difference.Welch(reference, values);
                rows.Add(Row(column.Name, sides[k].Label, "", stats, d));
            }
        }
        return rows;
    }

    /// <summary>
    /// comparison.csv of sweep sides: every point of every side, with differences where side 1 has the same
    /// point: paired t over replications where the runs there have the same seeds on both sides (common random
    /// numbers), Welch's t from points.csv otherwise.
    /// </summary>
    public static List<IReadOnlyList<string>> SweepRows(IReadOnlyList<CompareSide> sides, IReadOnlyList<string> metrics)
    {
        var tables = sides.Select(s => s.Points ?? throw new InvalidOperationException("a sweep side is opened with its points")).ToArray();
        var keys = sides.Select((s, k) => tables[k].Select(p => PointKey(s, p)).ToArray()).ToArray();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var metric in metrics)
        {
            for (int k = 0; k < sides.Count; k++)
            {
                for (int i = 0; i < tables[k].Count; i++)
                {
                    var stats = tables[k][i].Metrics[metric];
                    int match = k == 0 ? -1 : Array.IndexOf(keys[0], keys[k][i]);
                    var d = match < 0 ? null : PointDifference(sides[0], tables[0][match], sides[k], tables[k][i], metric);
                    rows.Add(Row(metric, sides[k].Label, keys[k][i], stats, d));
                }
            }
        }
        return rows;
    }

    /// <summary>
    /// How the differences of sweep sides were taken: "paired" when every design point side k shares with
    /// side 1 is paired, "welch" when none is, "mixed" otherwise; and how many of the shared points are paired.
    /// </summary>
    public static (string Pairing, int Paired, int Shared) SweepPairing(IReadOnlyList<CompareSide> sides)
    {
        var reference = sides[0].Points ?? [];
        var keys = reference.Select(p => PointKey(sides[0], p)).ToList();
        int paired = 0, shared = 0;
        foreach (var side in sides.Skip(1))
        {
            foreach (var p in side.Points ?? [])
            {
                int match = keys.IndexOf(PointKey(side, p));
                if (match < 0) continue;
                shared++;
                if (PointsPaired(sides[0], reference[match], side, p)) paired++;
            }
        }
        string pairing = shared > 0 && paired == shared ? "paired" : paired > 0 ? "mixed" : "welch";
        return (pairing, paired, shared);
    }

    /// <summary>True when the runs at these design points of two sweeps can be paired (<see cref="SweepReplicates.Pairable"/>).</summary>
    public static bool PointsPaired(CompareSide reference, SweepChartData.PointRow referencePoint, CompareSide side, SweepChartData.PointRow point) =>
        SweepReplicates.Pairable(reference.Replicates?.GetValueOrDefault(referencePoint.Point), side.Replicates?.GetValueOrDefault(point.Point));

    private static Difference PointDifference(CompareSide reference, SweepChartData.PointRow referencePoint, CompareSide side, SweepChartData.PointRow point,
        string metric)
    {
        if (!PointsPaired(reference, referencePoint, side, point)) return Difference.Welch(referencePoint.Metrics[metric], point.Metrics[metric]);
        var a = reference.Replicates![referencePoint.Point].Select(r => r.Values[metric]).ToArray();
        var b = side.Replicates![point.Point].Select(r => r.Values[metric]).ToArray();
        return Difference.Paired(a, b);
    }

    /// <summary>A design point as text: path=value pairs in the sweep's parameter order, joined by ';'.</summary>
    public static string PointKey(CompareSide side, SweepChartData.PointRow p) =>
        string.Join(';', side.Scenario.Sweep!.Parameters.Select((q, j) => $"{q.Path}={CsvText.Number(p.Values[j])}"));

    private static IReadOnlyList<string> Row(string metric, string side, string point, SampleStatistics s, Difference? d) =>
    [
        metric, side, point, CsvText.Number(s.Mean), CsvText.Number(s.Sd), CsvText.Number(s.CiLow), CsvText.Number(s.CiHigh), CsvText.Integer(s.N),
        d is null ? "" : CsvText.Number(d.Estimate), d is null ? "" : CsvText.Number(d.CiLow), d is null ? "" : CsvText.Number(d.CiHigh),
        d is null ? "" : CsvText.Number(d.P), d is null ? "" : CsvText.Number(d.EffectSize), d?.Test ?? "",
    ];

    /// <summary>bands.csv: per side, key series and step, the mean and 5th/95th percentiles (R type 7) over replications.</summary>
    public static List<IReadOnlyList<string>> BandRows(IReadOnlyList<CompareSide> sides)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var side in sides)
        {
            foreach (var name in KeySeries)
            {
                var column = StepMetrics.Columns.First(c => c.Name == name);
                int steps = side.Runs.Count == 0 ? 0 : side.Runs.Max(r => r.Steps.Count);
                for (int t = 0; t < steps; t++)
                {
                    var at = side.Runs.Where(r => t < r.Steps.Count).Select(r => r.Steps[t]).ToArray();
                    var values = at.Select(column.Read).Where(double.IsFinite).Order().ToArray();
                    rows.Add([side.Label, name, CsvText.Integer(at[0].Step), CsvText.Date(at[0].Date),
                        CsvText.Number(values.Length == 0 ? double.NaN : values.Average()),
                        CsvText.Number(Quantile(values, 0.05)), CsvText.Number(Quantile(values, 0.95)), CsvText.Integer(values.Length)]);
                }
            }
        }
        return rows;
    }

    private static double Quantile(double[] sorted, double q) => sorted.Length == 0 ? double.NaN
        : MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(sorted, q, MathNet.Numerics.Statistics.QuantileDefinition.R7);

    /// <summary>A CSV file back as header-keyed rows (every row as long as the header).</summary>
    public static List<Dictionary<string, string>> ReadTable(string path)
    {
        using var sheet = CsvSheet.Open(path, []);
        var rows = new List<Dictionary<string, string>>();
        while (sheet.Next()) rows.Add(Keyed(sheet));
        return rows;
    }

    /// <summary>
    /// comparison.csv back, checked: every column, each metric a summary metric, each side one of
    /// <paramref name="sides"/> (manifest.json's), a point empty or <c>path=number;...</c>, every statistic
    /// a finite number or empty, n a count, each (metric, side, point) once; for runs (no points), one row
    /// per summary metric and side.
    /// </summary>
    public static List<Dictionary<string, string>> ReadComparison(string path, IReadOnlyList<string> sides)
    {
        using var sheet = CsvSheet.Open(path, Header);
        var metrics = SummaryMetrics.Columns.Select(c => c.Name).ToArray();
        int metric = sheet.Column("metric"), side = sheet.Column("side"), point = sheet.Column("point"), n = sheet.Column("n");
        int[] numbers = ((string[])["mean", "sd", "ci_low", "ci_high", "difference", "difference_ci_low", "difference_ci_high", "p_value", "effect_size"])
            .Select(sheet.Column).ToArray();
        var seen = new HashSet<(string, string, string)>();
        var rows = new List<Dictionary<string, string>>();
        while (sheet.Next())
        {
            var key = (sheet.Word(metric, metrics), sheet.Word(side, sides, "manifest.json"), sheet.Text(point));
            if (key.Item3.Length > 0) PointValues(sheet, point);
            foreach (int c in numbers) sheet.NumberOrMissing(c);
            sheet.Int(n, 0, int.MaxValue);
            if (!seen.Add(key)) throw sheet.Problem($"a second row for metric {key.Item1}, side {key.Item2}{(key.Item3.Length > 0 ? $", point {key.Item3}" : "")}");
            rows.Add(Keyed(sheet));
        }
        if (rows.Count == 0) throw sheet.FileProblem("no rows (a truncated file?)");
        bool sweep = rows.Any(r => r["point"].Length > 0);
        if (sweep && rows.Any(r => r["point"].Length == 0)) throw sheet.FileProblem("rows with a design point mixed with rows without one");
        if (!sweep && rows.Count != metrics.Length * sides.Count)
            throw sheet.FileProblem($"{rows.Count} rows where {sides.Count} sides of {metrics.Length} summary metrics make {metrics.Length * sides.Count} (a truncated file?)");
        return rows;
    }

    /// <summary>
    /// bands.csv back, checked: every column, each side one of <paramref name="sides"/>, each series a key
    /// series, step and n counts, a date, and the mean and percentiles finite numbers or empty.
    /// </summary>
    public static List<Dictionary<string, string>> ReadBands(string path, IReadOnlyList<string> sides)
    {
        using var sheet = CsvSheet.Open(path, BandsHeader);
        int side = sheet.Column("side"), series = sheet.Column("series"), step = sheet.Column("step"), date = sheet.Column("date"), n = sheet.Column("n");
        int[] numbers = ((string[])["mean", "p05", "p95"]).Select(sheet.Column).ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (sheet.Next())
        {
            sheet.Word(side, sides, "manifest.json");
            sheet.Word(series, KeySeries);
            sheet.Int(step, 0, int.MaxValue);
            sheet.Date(date);
            foreach (int c in numbers) sheet.NumberOrMissing(c);
            sheet.Int(n, 0, int.MaxValue);
            rows.Add(Keyed(sheet));
        }
        return rows;
    }

    /// <summary>A design point's key (path=value pairs joined by ';') as values by path; each value a finite number.</summary>
    public static Dictionary<string, double> PointValues(CsvSheet sheet, int column)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string pair in sheet.Text(column).Split(';'))
        {
            string[] kv = pair.Split('=', 2);
            if (kv.Length != 2 || kv[0].Length == 0 || double.IsNaN(ParseFinite(kv[1])) || !values.TryAdd(kv[0], ParseFinite(kv[1])))
                throw sheet.Problem(column, $"'{pair}' is not a parameter=number pair, once per parameter");
        }
        return values;
    }

    private static double ParseFinite(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double x) && double.IsFinite(x)
            ? x : double.NaN;

    private static Dictionary<string, string> Keyed(CsvSheet sheet) =>
        sheet.Header.Select((h, i) => (h, v: sheet.Text(i))).ToDictionary(x => x.h, x => x.v);
}
