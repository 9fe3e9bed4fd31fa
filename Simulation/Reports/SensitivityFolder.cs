using TrustSim.Analysis;
using TrustSim.Charts;
using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// sensitivity.csv of a sobol or morris sweep folder: the indices of every reported metric, estimated
/// from the per-point means in points.csv (so a point's replications count as one evaluation of the
/// model's mean response), with bootstrap intervals seeded from the master seed, and their charts.
/// </summary>
internal static class SensitivityFolder
{
    public const string FileName = "sensitivity.csv";

    /// <summary>The index names the estimators write (Sobol: S1, ST, S2; Morris: mu, mu_star, sigma); before the columns, which name them.</summary>
    private static readonly string[] Indices = ["S1", "ST", "S2", "mu", "mu_star", "sigma"];

    /// <summary>sensitivity.csv's columns.</summary>
    public static IReadOnlyList<TableField> Fields { get; } =
    [
        TableField.Text("metric", "the summary metric whose sensitivity this is") with { Values = SummaryMetrics.Columns.Select(c => c.Name).ToArray() },
        TableField.Text("parameter", "the swept scenario key (for S2, two keys joined by ':')"),
        TableField.Text("index", "Sobol: S1 (first order), ST (total), S2 (second order); Morris: mu, mu_star, sigma") with { Values = Indices },
        TableField.Number("value", "the index's estimate; an index of a metric with no variance can be infinite (written Infinity)"),
        TableField.Number("ci_low", "lower end of its 95% bootstrap interval"),
        TableField.Number("ci_high", "upper end of its 95% bootstrap interval"),
    ];

    public static IReadOnlyList<string> Header { get; } = Fields.Select(f => f.Name).ToArray();

    /// <summary>True for the designs that have indices (sobol, morris).</summary>
    public static bool Applies(SweepSettings sweep) => sweep.Design is SweepDesign.Sobol or SweepDesign.Morris;

    /// <summary>
    /// Writes sensitivity.csv and its charts for a sobol or morris plan whose points.csv is assembled;
    /// returns the estimators' warnings (each prefixed with its metric) and the chart outcome.
    /// </summary>
    public static SensitivityOutcome Write(string folder, SweepPlan plan)
    {
        var parameters = plan.Parameters.Select(p => p.Path).ToArray();
        var metrics = SweepFolder.ReportedMetrics(plan.Sweep).Select(m => SummaryMetrics.Columns[m].Name).ToArray();
        var points = SweepChartData.ReadPoints(Path.Combine(folder, SweepTables.PointsFile), parameters, metrics);
        if (points.Count != plan.Points.Count)
            throw new InvalidDataException($"{folder}: points.csv has {points.Count} rows for {plan.Points.Count} design points");
        var rows = new List<IReadOnlyList<string>>();
        var warnings = new List<string>();
        for (var k = 0; k < metrics.Length; k++)
        {
            var outputs = points.OrderBy(p => p.Point).Select(p => p.Metrics[metrics[k]].Mean).ToArray();
            // One bootstrap stream per metric, from the master seed: the file is the same on every run and worker count.
            var seed = SeedSequence.SensitivityBootstrapSeed(plan.Scenario.Seed, k);
            (IReadOnlyList<SensitivityRow> Rows, IReadOnlyList<string> Warnings) result = plan.Saltelli is { } layout
                ? Unpack(SobolIndices.Estimate(layout, parameters, outputs, Bootstrap.DefaultResamples, seed))
                : Unpack(MorrisIndices.Estimate((plan.Morris ?? throw new InvalidOperationException("not a sobol or morris plan")).Layout,
                    parameters, outputs, Bootstrap.DefaultResamples, seed));
            rows.AddRange(result.Rows.Select(r => (IReadOnlyList<string>)
                [metrics[k], r.Parameter, r.Index, CsvText.Number(r.Value), CsvText.Number(r.CiLow), CsvText.Number(r.CiHigh)]));
            warnings.AddRange(result.Warnings.Select(w => $"{metrics[k]}: {w}"));
        }
        CsvTable.Write(Path.Combine(folder, FileName), Header, rows);
        var charts = DrawCharts(folder, plan.Scenario.Name, plan.Sweep.Samples, plan.Replications);
        return new SensitivityOutcome(warnings, charts);
    }

    /// <summary>Draws the sensitivity charts from sensitivity.csv alone.</summary>
    public static ChartSetResult DrawCharts(string folder, string scenarioName, int samples, int replications) =>
        ChartFiles.Draw(Path.Combine(folder, RunFolder.ChartsFolder), Jobs(folder, scenarioName, samples, replications));

    /// <summary>The sensitivity charts, sensitivity.csv read and checked now, drawn when the jobs run (for <c>plot</c>).</summary>
    public static IReadOnlyList<ChartJob> Jobs(string folder, string scenarioName, int samples, int replications)
    {
        var table = Read(Path.Combine(folder, FileName));
        var jobs = new List<ChartJob>();
        foreach (var metric in table.Select(r => r.Metric).Distinct())
        {
            var rows = table.Where(r => r.Metric == metric).Select(r => r.Row).ToList();
            if (rows.Any(r => r.Index == "S1"))
            {
                var shown = rows.Where(r => r.Index is "S1" or "ST").ToList();
                var unsettled = shown.Select(r => SensitivityWarnings.Assess("sobol", r, samples, SensitivityWarnings.SobolFloor, powerOfTwo: true))
                    .OfType<SensitivityWarnings.Unsettled>().ToList();
                var spec = new SensitivityChartSpec($"sensitivity-{metric}.png", $"{scenarioName}: Sobol indices of {metric}", metric,
                    shown, unsettled.Select(u => u.Row).ToList(),
                    $"N = {samples} base samples, {replications} replication(s) per point; whiskers: 95% bootstrap CI" + Advice(unsettled, shown.Count, samples, "hatched"));
                jobs.Add(new ChartJob(spec.FileName, () => SensitivityChart.Render(spec)));
            }
            else if (rows.Any(r => r.Index == "mu_star"))
            {
                var muStar = rows.Where(r => r.Index == "mu_star").ToList();
                double floor = MorrisIndices.FloorShare * muStar.Select(r => r.Value).Where(double.IsFinite).DefaultIfEmpty(0).Max();
                var unsettled = floor > 0
                    ? muStar.Select(r => SensitivityWarnings.Assess("morris", r, samples, floor, powerOfTwo: false)).OfType<SensitivityWarnings.Unsettled>().ToList()
                    : [];
                var spec = new SensitivityChartSpec($"morris-{metric}.png", $"{scenarioName}: Morris screening of {metric}", metric,
                    rows, unsettled.Select(u => u.Row).ToList(),
                    $"r = {samples} trajectories; whiskers: 95% bootstrap CI of mu*" + Advice(unsettled, muStar.Count, samples, "hollow"));
                jobs.Add(new ChartJob(spec.FileName, () => MorrisChart.Render(spec)));
            }
        }
        return jobs;
    }

    /// <summary>The footnote's second line: how many estimates have not settled and what sample size would settle them.</summary>
    private static string Advice(IReadOnlyList<SensitivityWarnings.Unsettled> unsettled, int shown, int samples, string marking) =>
        unsettled.Count == 0 ? "" :
        $"\n{marking}: {unsettled.Count} of {shown} estimates not settled at N = {samples}; about sweep.samples = {unsettled.Max(u => u.Needed)} would settle them (see the warnings in manifest.json)";

    /// <summary>sensitivity.csv back as rows; a value or bound is a number (an index of a metric without variance can be infinite) or empty.</summary>
    public static List<(string Metric, SensitivityRow Row)> Read(string path)
    {
        var lines = new List<(string Metric, SensitivityRow Row)>();
        using var sheet = CsvSheet.Open(path, Header);
        int[] c = Header.Select(sheet.Column).ToArray();
        var metrics = SummaryMetrics.Columns.Select(m => m.Name).ToArray();
        while (sheet.Next())
        {
            lines.Add((sheet.Word(c[0], metrics), new SensitivityRow(sheet.Text(c[1]), sheet.Word(c[2], Indices),
                sheet.Estimate(c[3]), sheet.Estimate(c[4]), sheet.Estimate(c[5]))));
        }
        return lines;
    }

    private static (IReadOnlyList<SensitivityRow>, IReadOnlyList<string>) Unpack(SobolResult r) => (r.Rows(), r.Warnings);

    private static (IReadOnlyList<SensitivityRow>, IReadOnlyList<string>) Unpack(MorrisResult r) => (r.Rows(), r.Warnings);
}

/// <summary>The warnings of the estimators (metric-prefixed) and the sensitivity charts drawn.</summary>
internal sealed record SensitivityOutcome(IReadOnlyList<string> Warnings, ChartSetResult Charts);
