using ScottPlot;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>
/// fit-METRIC.png for a posterior calibration: the observed points of one metric (± se where given)
/// against the posterior band of the simulated mean (95% of the predictive draws, and their median),
/// and at each observation the 95% posterior predictive interval, which adds the observation's noise:
/// where a new observation would fall if the model and its error model are right.
/// </summary>
internal static class PosteriorFitChart
{
    public static string FileName(string metric) => $"fit-{metric}.png";

    public static ChartImage Render(PosteriorChartData data, string metric)
    {
        var scenario = data.Scenario;
        var column = StepMetrics.Columns.First(c => c.Name == metric);
        var points = data.Fit.Where(r => r.Metric == metric).OrderBy(r => r.Step).ToList();
        var band = data.Bands.FirstOrDefault(b => b.Metric == metric);
        using Plot plot = ChartStyle.NewPlot($"{scenario.Name}: {metric.Replace('_', ' ')}, observed and posterior{PosteriorCharts.TitleMark(data)}",
            Capital(column.Description), scenario);
        var dates = band is null ? [] : band.Steps.Select(s => ScenarioSchedule.DateOf(scenario.Time, s)).ToList();
        var xs = dates.Select(ShockMarkers.ToX).ToArray();
        if (band is not null)
        {
            // The model holds a value for its whole step: the band is a staircase, like the line.
            var (stairX, stairLow) = Stairs(xs, band.Low);
            var (_, stairHigh) = Stairs(xs, band.High);
            SeriesDrawing.Band(plot, stairX, stairLow, stairHigh, ChartStyle.Blue, "Simulated mean, 95% of posterior draws");
            SeriesDrawing.Line(plot, xs, [.. band.Median], ChartStyle.Blue, "Median over posterior draws", steps: true);
        }
        var predicted = points.Where(p => double.IsFinite(p.PredictiveLow) && double.IsFinite(p.PredictiveHigh)).ToList();
        foreach (var (p, i) in predicted.Select((p, i) => (p, i)))
        {
            var x = ShockMarkers.ToX(p.Date);
            var bar = plot.Add.Line(x, p.PredictiveLow, x, p.PredictiveHigh);
            bar.LineColor = ChartStyle.Green.WithAlpha(0.45);
            bar.LineWidth = 12;
            bar.LegendText = i == 0 ? "Posterior predictive 95% (with observation noise)" : "";
        }
        foreach (var p in points.Where(p => p.Se is > 0))
        {
            var x = ShockMarkers.ToX(p.Date);
            var whisker = plot.Add.Line(x, p.Value - p.Se!.Value, x, p.Value + p.Se.Value);
            whisker.LineColor = ChartStyle.Vermilion;
            whisker.LineWidth = 2;
        }
        var informative = points.Where(p => p.Informative != false).ToList();
        var flat = points.Where(p => p.Informative == false).ToList();
        if (informative.Count > 0)
        {
            var observed = plot.Add.ScatterPoints(informative.Select(p => ShockMarkers.ToX(p.Date)).ToArray(), informative.Select(p => p.Value).ToArray(), ChartStyle.Vermilion);
            observed.MarkerSize = 10;
            observed.MarkerShape = MarkerShape.FilledDiamond;
            observed.LegendText = points.Any(p => p.Se is > 0) ? "Observed (± se)" : "Observed";
        }
        if (flat.Count > 0)
        {
            var observed = plot.Add.ScatterPoints(flat.Select(p => ShockMarkers.ToX(p.Date)).ToArray(), flat.Select(p => p.Value).ToArray(), ChartStyle.Vermilion);
            observed.MarkerSize = 10;
            observed.MarkerShape = MarkerShape.OpenDiamond;
            observed.MarkerLineWidth = 2;
            observed.LegendText = "Observed, no information (model value fixed)";
        }
        if (band is null && points.Count == 0) ChartStyle.NoData(plot, "posterior predictive");

        SetRange(plot, xs, points, column);
        var notes = new List<string>();
        if (band is null) notes.Add("no posterior band: the predictive was not run (interrupted)");
        notes.AddRange(PosteriorCharts.Notes(data).Where(n => !n.StartsWith("ridge", StringComparison.Ordinal)));
        if (notes.Count > 0) ChartStyle.Caption(plot, string.Join('\n', notes));
        ChartStyle.LegendBelow(plot);
        ShockMarkers.Draw(plot, ShockMarkers.Scheduled(scenario, band?.Steps ?? [], dates), dates);
        return ChartStyle.Export(plot);
    }

    // The observations' stretch of the calendar with a margin, as the optimiser's fit chart shows it.
    private static void SetRange(Plot plot, double[] xs, List<PosteriorFitRow> points, MetricColumn<StepMetrics> column)
    {
        if (points.Count > 0)
        {
            double first = ShockMarkers.ToX(points[0].Date), last = ShockMarkers.ToX(points[^1].Date);
            var margin = Math.Max(56, 0.15 * (last - first));
            var right = xs.Length > 0 ? Math.Min(xs[^1], last + 1.5 * margin) : last + margin;
            var left = xs.Length > 0 ? Math.Max(xs[0], first - margin) : first - margin;
            plot.Axes.SetLimitsX(left - 7, right + 7);
        }
        if (column.Name.StartsWith("reputation", StringComparison.Ordinal) || column.Name is "adoption" or "aware" || column.Name.StartsWith("partners", StringComparison.Ordinal))
        {
            plot.Axes.SetLimitsY(0, 1);
            ChartStyle.ShareTicks(plot.Axes.Left);
        }
    }

    /// <summary>Each value held until the next step: x and y doubled so a band's edges are steps.</summary>
    private static (double[] X, double[] Y) Stairs(double[] xs, IReadOnlyList<double> ys)
    {
        var x = new List<double>();
        var y = new List<double>();
        for (var i = 0; i < xs.Length; i++)
        {
            x.Add(xs[i]);
            y.Add(ys[i]);
            if (i + 1 < xs.Length)
            {
                x.Add(xs[i + 1]);
                y.Add(ys[i]);
            }
        }
        return ([.. x], [.. y]);
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
