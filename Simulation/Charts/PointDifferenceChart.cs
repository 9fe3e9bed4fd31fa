using ScottPlot;

namespace TrustSim.Charts;

/// <summary>
/// difference-METRIC-vs-PARAMETER.png: each side's difference from side 1 at every shared design point,
/// with its 95% interval, against one parameter and grouped by the other parameters' levels like the
/// response comparison; a zero line, and a point filled when its interval excludes 0, hollow otherwise (the footnote says so,
/// where a legend row would crowd out the sides' names).
/// </summary>
internal static class PointDifferenceChart
{
    public static ChartImage Render(CompareCurvesSpec spec, string reference)
    {
        using Plot plot = ChartStyle.NewValuePlot(spec.Title, spec.XLabel, spec.YLabel);
        plot.Add.HorizontalLine(0, 1.5f, ChartStyle.Grey, LinePattern.Dashed);
        bool any = false;
        foreach (var curve in spec.Curves)
        {
            var color = CompareCurveStyle.ColorOf(spec, curve);
            double dodge = CompareCurveStyle.Dodge(spec, curve);
            var keep = Enumerable.Range(0, curve.X.Length).Where(k => double.IsFinite(curve.Value[k])).ToArray();
            if (keep.Length == 0) continue;
            SeriesDrawing.IntervalBars(plot, curve.X.Select(x => x + dodge).ToArray(), curve.Value, curve.Low, curve.High, color.WithAlpha(0.8), 1.2f);
            if (spec.Joined && keep.Length > 1)
            {
                var line = plot.Add.ScatterLine(keep.Select(k => curve.X[k] + dodge).ToArray(), keep.Select(k => curve.Value[k]).ToArray(), color.WithAlpha(0.6));
                line.LineWidth = CompareCurveStyle.WidthOf(curve.Side);
            }
            foreach (int k in keep)
            {
                var marker = plot.Add.Marker(curve.X[k] + dodge, curve.Value[k], Shape(curve.Side, Excludes(curve.Low[k], curve.High[k])), 8, color);
                marker.MarkerLineWidth = 1.5f;
            }
            any = true;
        }
        if (!any) ChartStyle.NoData(plot, "shared design points");
        CompareCurveStyle.GridTicks(plot, spec.Curves.SelectMany(c => c.X), spec.Joined);
        if (spec.Note.Length > 0) ChartStyle.Caption(plot, spec.Note);
        CompareCurveStyle.Legend(plot, spec, s => $"{spec.Sides[s]} minus {reference}");
        return ChartStyle.Export(plot);
    }

    /// <summary>True when an interval lies wholly on one side of zero.</summary>
    public static bool Excludes(double low, double high) => low > 0 || high < 0;

    private static MarkerShape Shape(int side, bool filled) => (side % 4, filled) switch
    {
        (0, true) => MarkerShape.FilledCircle,
        (0, false) => MarkerShape.OpenCircle,
        (1, true) => MarkerShape.FilledSquare,
        (1, false) => MarkerShape.OpenSquare,
        (2, true) => MarkerShape.FilledTriangleUp,
        (2, false) => MarkerShape.OpenTriangleUp,
        (_, true) => MarkerShape.FilledDiamond,
        _ => MarkerShape.OpenDiamond,
    };
}
