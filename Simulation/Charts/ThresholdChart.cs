using ScottPlot;

namespace TrustSim.Charts;

/// <summary>The evaluations of a threshold search and what it found.</summary>
/// <param name="Points">Each evaluation: parameter value, mean, CI ends (NaN without replications), order of evaluation.</param>
/// <param name="Threshold">The crossing, NaN when the level was not bracketed.</param>
internal sealed record ThresholdChartSpec(string FileName, string Title, string XLabel, string YLabel,
    IReadOnlyList<(int Index, double Value, double Mean, double Low, double High)> Points, double Level,
    double Threshold, double CiLow, double CiHigh, string Note);

/// <summary>threshold-METRIC.png: the metric's mean at every evaluated value with 95% CI bars, the level, and the crossing with its CI.</summary>
internal static class ThresholdChart
{
    public static ChartImage Render(ThresholdChartSpec spec)
    {
        using Plot plot = ChartStyle.NewValuePlot(spec.Title, spec.XLabel, spec.YLabel);
        var ordered = spec.Points.Where(p => !double.IsNaN(p.Mean)).OrderBy(p => p.Value).ToArray();
        if (double.IsFinite(spec.CiLow) && double.IsFinite(spec.CiHigh))
        {
            var span = plot.Add.HorizontalSpan(spec.CiLow, spec.CiHigh);
            span.FillStyle.Color = ChartStyle.Vermilion.WithAlpha(0.15);
            span.LineStyle.Width = 0;
            span.LegendText = "95% CI of the threshold";
        }
        var level = plot.Add.HorizontalLine(spec.Level, 1.5f, ChartStyle.Grey, LinePattern.Dashed);
        level.LegendText = $"level {ChartStyle.Number(spec.Level)}";
        if (ordered.Length > 0)
        {
            SeriesDrawing.IntervalBars(plot, ordered.Select(p => p.Value).ToArray(), ordered.Select(p => p.Mean).ToArray(),
                ordered.Select(p => p.Low).ToArray(), ordered.Select(p => p.High).ToArray(), ChartStyle.Blue, 1);
            var line = plot.Add.Scatter(ordered.Select(p => p.Value).ToArray(), ordered.Select(p => p.Mean).ToArray(), ChartStyle.Blue);
            line.LineWidth = 1;
            line.MarkerSize = 7;
            line.LegendText = "mean at an evaluated value (bars: 95% CI)";
        }
        else ChartStyle.NoData(plot, "completed evaluations");
        if (double.IsFinite(spec.Threshold))
        {
            var crossing = plot.Add.VerticalLine(spec.Threshold, 2, ChartStyle.Vermilion);
            crossing.LegendText = $"threshold {ChartStyle.Number(spec.Threshold)}";
        }
        ChartStyle.Caption(plot, spec.Note);
        ChartStyle.LegendBelow(plot);
        // The order of evaluation along the foot of the chart, set in rows so the numbers of the values
        // bunched at the crossing stay apart; each number sits at its value's x.
        if (ordered.Length > 0)
        {
            // Room under the lowest point for the strip of numbers.
            plot.Axes.AutoScale();
            var limits = plot.Axes.GetLimits();
            double bottom = limits.Bottom - 0.15 * (limits.Top - limits.Bottom);
            plot.Axes.SetLimitsY(bottom, limits.Top);
            // Below a metric that is never negative the extra room is the strip, not values: no tick labels there.
            if (ordered.All(p => p.Mean >= 0 && !(p.Low < 0)))
                plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v < 0 ? "" : ChartStyle.Number(v) };
            foreach (var p in ordered)
            {
                var tick = plot.Add.Marker(p.Value, bottom, MarkerShape.VerticalBar, 8, ChartStyle.Grey);
                tick.LegendText = "";
            }
            LabelStrip.Draw(plot, ordered.Select(p => p.Value).ToList(), ordered.Select(p => $"{p.Index}").ToList(), ChartStyle.Grey, fromTop: false);
        }
        return ChartStyle.Export(plot);
    }
}
