using ScottPlot;
using TrustSim.Engine;
using TrustSim.Experiments;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>
/// fit-METRIC.png: the observed points of one metric (with ±se whiskers where given) against the
/// simulated mean and 5-95% band over the calibration's replications at the fitted values.
/// </summary>
internal static class CalibrationFitChart
{
    public static string FileName(string metric) => $"fit-{metric}.png";

    public static ChartImage Render(Scenario scenario, string metric, IReadOnlyList<CalibrationTarget> targets, IReadOnlyList<RunResult> results)
    {
        var column = StepMetrics.Columns.First(c => c.Name == metric);
        var points = targets.Where(t => t.Metric.Name == metric).OrderBy(t => t.Step).ToList();
        var series = new RunSeries(results);
        using Plot plot = ChartStyle.NewPlot($"{scenario.Name}: {metric.Replace('_', ' ')}, observed and fitted",
            $"{Capital(column.Description)}", scenario);
        var (low, high) = (series.Quantile(column.Read, 0.05), series.Quantile(column.Read, 0.95));
        // A band only where the replications differ: common random numbers can make them agree, and a
        // legend entry for a band of no width would promise spread that is not there.
        bool spread = series.Replications > 1 && low.Zip(high, (a, b) => b - a).Any(w => w > 1e-9);
        if (spread)
            SeriesDrawing.Band(plot, series.X, low, high, ChartStyle.Blue, $"Simulated 5-95% ({series.Replications} replications)");
        string mean = series.Replications > 1 ? spread ? "Simulated mean at the fit" : $"Simulated at the fit ({series.Replications} replications, all alike)" : "Simulated at the fit";
        // The model is discrete in time: a value holds for its whole step, so the line is a staircase.
        SeriesDrawing.Line(plot, series.X, series.Mean(column.Read), ChartStyle.Blue, mean, steps: true);

        var xs = points.Select(t => ShockMarkers.ToX(t.Date)).ToArray();
        var ys = points.Select(t => t.Value).ToArray();
        foreach (var t in points.Where(t => t.Se is > 0))
        {
            var x = ShockMarkers.ToX(t.Date);
            var whisker = plot.Add.Line(x, t.Value - t.Se!.Value, x, t.Value + t.Se.Value);
            whisker.LineColor = ChartStyle.Vermilion;
            whisker.LineWidth = 2;
        }
        if (points.Count > 0)
        {
            var observed = plot.Add.ScatterPoints(xs, ys, ChartStyle.Vermilion);
            observed.MarkerSize = 10;
            observed.MarkerShape = MarkerShape.FilledDiamond;
            observed.LegendText = points.Any(t => t.Se is > 0) ? "Observed (± se)" : "Observed";
        }

        SetRange(plot, series, points, column);
        ChartStyle.LegendBelow(plot);
        ShockMarkers.Draw(plot, ShockMarkers.Select(scenario, results, series), series);
        return ChartStyle.Export(plot);
    }

    // The observations' stretch of the calendar with a margin: a five-year axis would stack points a week apart.
    private static void SetRange(Plot plot, RunSeries series, List<CalibrationTarget> points, MetricColumn<StepMetrics> column)
    {
        if (points.Count == 0 || series.Count == 0)
        {
            ChartStyle.SetDateRange(plot, series);
            return;
        }
        double first = ShockMarkers.ToX(points[0].Date), last = ShockMarkers.ToX(points[^1].Date);
        var margin = Math.Max(56, 0.15 * (last - first));
        plot.Axes.SetLimitsX(Math.Max(series.X[0], first - margin) - 7, Math.Min(series.X[^1], last + 1.5 * margin) + 7);
        if (column.Name.StartsWith("reputation", StringComparison.Ordinal) || column.Name is "adoption" or "aware" || column.Name.StartsWith("partners", StringComparison.Ordinal))
        {
            plot.Axes.SetLimitsY(0, 1);
            ChartStyle.ShareTicks(plot.Axes.Left);
        }
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
