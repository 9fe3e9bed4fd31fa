using ScottPlot;

namespace TrustSim.Charts;

/// <summary>
/// compare-METRIC-vs-PARAMETER.png: each side's mean of a metric against one swept parameter, one curve per
/// level combination of the other parameters (colour) and side (marker shape and line width), with 95% intervals as
/// error bars (asymmetric near a bound), so a reader sees where in parameter space the sides part.
/// </summary>
internal static class CompareResponseChart
{
    public static ChartImage Render(CompareCurvesSpec spec)
    {
        using Plot plot = ChartStyle.NewValuePlot(spec.Title, spec.XLabel, spec.YLabel);
        bool any = false;
        foreach (var curve in spec.Curves)
        {
            var color = CompareCurveStyle.ColorOf(spec, curve);
            double dodge = CompareCurveStyle.Dodge(spec, curve);
            var keep = Enumerable.Range(0, curve.X.Length).Where(k => double.IsFinite(curve.Value[k])).ToArray();
            if (keep.Length == 0) continue;
            SeriesDrawing.IntervalBars(plot, curve.X.Select(x => x + dodge).ToArray(), curve.Value, curve.Low, curve.High, color.WithAlpha(0.8), 1.2f);
            double[] xs = keep.Select(k => curve.X[k] + dodge).ToArray(), ys = keep.Select(k => curve.Value[k]).ToArray();
            if (spec.Joined && keep.Length > 1)
            {
                var line = plot.Add.ScatterLine(xs, ys, color);
                line.LineWidth = CompareCurveStyle.WidthOf(curve.Side);
            }
            var points = plot.Add.ScatterPoints(xs, ys, color);
            points.MarkerShape = CompareCurveStyle.ShapeOf(curve.Side);
            points.MarkerSize = spec.Joined ? 7 : 6;
            any = true;
        }
        if (!any) ChartStyle.NoData(plot, "completed runs");
        CompareCurveStyle.GridTicks(plot, spec.Curves.SelectMany(c => c.X), spec.Joined);
        if (spec.Note.Length > 0) ChartStyle.Caption(plot, spec.Note);
        CompareCurveStyle.Legend(plot, spec, s => spec.Sides[s]);
        return ChartStyle.Export(plot);
    }
}
