using ScottPlot;

namespace TrustSim.Charts;

/// <summary>
/// compare-METRIC-vs-PARAMETER.png: each side's mean of a metric against one swept parameter, one curve per
/// level combination of the other parameters (colour) and side (solid, dashed...), with 95% intervals as
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
            var withCi = keep.Where(k => double.IsFinite(curve.Low[k]) && double.IsFinite(curve.High[k])).ToArray();
            if (withCi.Length > 0)
            {
                var bars = new ScottPlot.Plottables.ErrorBar(withCi.Select(k => curve.X[k] + dodge).ToArray(), withCi.Select(k => curve.Value[k]).ToArray(),
                    null, null, withCi.Select(k => curve.High[k] - curve.Value[k]).ToArray(), withCi.Select(k => curve.Value[k] - curve.Low[k]).ToArray());
                plot.Add.Plottable(bars);
                bars.Color = color.WithAlpha(0.8);
                bars.LineWidth = 1.2f;
            }
            var scatter = plot.Add.Scatter(keep.Select(k => curve.X[k] + dodge).ToArray(), keep.Select(k => curve.Value[k]).ToArray(), color);
            scatter.LineWidth = spec.Joined ? 2 : 0;
            scatter.LinePattern = CompareCurveStyle.PatternOf(curve.Side);
            scatter.MarkerShape = CompareCurveStyle.ShapeOf(curve.Side);
            scatter.MarkerSize = spec.Joined ? 7 : 6;
            any = true;
        }
        if (!any) ChartStyle.NoData(plot, "completed runs");
        CompareCurveStyle.GridTicks(plot, spec.Curves.SelectMany(c => c.X), spec.Joined);
        if (spec.Note.Length > 0) ChartStyle.Caption(plot, spec.Note);
        CompareCurveStyle.Legend(plot, spec, s => spec.Sides[s]);
        return ChartStyle.Export(plot);
    }
}
