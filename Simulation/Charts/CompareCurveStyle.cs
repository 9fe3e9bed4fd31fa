using ScottPlot;

namespace TrustSim.Charts;

/// <summary>
/// How the curves of a sweep comparison are told apart: a colour per group of design points (or per
/// side when there is one group), a line style and marker per side, and a legend naming both.
/// </summary>
internal static class CompareCurveStyle
{
    private static readonly Color[] Palette =
        [ChartStyle.Blue, ChartStyle.Orange, ChartStyle.Green, ChartStyle.Vermilion, ChartStyle.Purple, ChartStyle.Grey];

    // Sides differ by marker shape and line width, not by dash: Skia's SVG canvas cannot write a dashed
    // path (it draws it solid and complains on stderr), and the SVG must look like the PNG.
    private static readonly float[] Widths = [2.4f, 1.2f, 2.4f, 1.2f];

    private static readonly MarkerShape[] Shapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    public static bool ByGroup(CompareCurvesSpec spec) => spec.Groups.Count > 1;

    public static Color ColorOf(CompareCurvesSpec spec, CompareCurve curve) => Palette[(ByGroup(spec) ? curve.Group : curve.Side) % Palette.Length];

    public static float WidthOf(int side) => Widths[side % Widths.Length];

    public static MarkerShape ShapeOf(int side) => Shapes[side % Shapes.Length];

    /// <summary>A small sideways nudge per curve, so error bars at the same x do not hide each other.</summary>
    public static double Dodge(CompareCurvesSpec spec, CompareCurve curve)
    {
        var xs = spec.Curves.SelectMany(c => c.X).ToArray();
        double span = xs.Length > 1 ? xs.Max() - xs.Min() : 1;
        int count = spec.Groups.Count * spec.Sides.Count, index = curve.Group * spec.Sides.Count + curve.Side;
        return count <= 1 ? 0 : (index - (count - 1) / 2.0) * span * Math.Min(0.008, 0.05 / count);
    }

    /// <summary>Legend: each group by its colour, each side by its line style and marker (in grey when colours mean groups).</summary>
    public static void Legend(Plot plot, CompareCurvesSpec spec, Func<int, string> sideText)
    {
        bool byGroup = ByGroup(spec);
        if (byGroup)
        {
            for (int g = 0; g < spec.Groups.Count; g++)
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = spec.Groups[g], LineColor = Palette[g % Palette.Length], LineWidth = 3 });
        }
        for (int s = 0; s < spec.Sides.Count; s++)
        {
            var color = byGroup ? ChartStyle.Grey : Palette[s % Palette.Length];
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = sideText(s), LineColor = color, LineWidth = spec.Joined ? WidthOf(s) : 0,
                MarkerShape = ShapeOf(s), MarkerFillColor = color, MarkerLineColor = color, MarkerSize = 7,
            });
        }
        ChartStyle.LegendBelow(plot);
    }

    /// <summary>A grid has few values: tick exactly those, so a reader sees where the runs are.</summary>
    public static void GridTicks(Plot plot, IEnumerable<double> xs, bool joined)
    {
        var levels = xs.Where(double.IsFinite).Distinct().Order().ToArray();
        if (!joined || levels.Length is < 2 or > 12) return;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (double x in levels) ticks.AddMajor(x, ChartStyle.Number(x));
        plot.Axes.Bottom.TickGenerator = ticks;
    }
}
