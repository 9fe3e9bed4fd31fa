using ScottPlot;
using TrustSim.Analysis.Discovery;

namespace TrustSim.Charts;

/// <summary>
/// trajectory-N.png: a PRIM search's boxes, coverage against density, each coloured by how many inputs it
/// restricts; the peel steps joined in order from the whole data (bottom right) towards small dense boxes
/// (top left), the pastes and dropped restrictions of the picked box after it, and the box the search
/// ended with ringed and labelled.
/// </summary>
internal static class TrajectoryChart
{
    /// <summary>Colours for 0, 1, 2... restricted inputs: light grey for none, then the Okabe-Ito hues; black from seven on.</summary>
    private static readonly Color[] ByRestricted =
    [
        ChartStyle.Grey.WithAlpha(0.6), ChartStyle.Blue, ChartStyle.Orange, ChartStyle.Green, ChartStyle.Vermilion, ChartStyle.Purple,
        Color.FromHex("#56B4E9"),
    ];

    public static Color ColourOf(int restricted) => restricted < ByRestricted.Length ? ByRestricted[restricted] : Colors.Black;

    public static ChartImage Render(TrajectoryChartSpec spec)
    {
        using Plot plot = ChartStyle.NewValuePlot(spec.Title, "Coverage (share of all cases of interest in the box)",
            "Density (share of the box's cases that are of interest)");
        var points = spec.Points;
        if (points.Count == 0) ChartStyle.NoData(plot, "boxes");
        // A later search starts from the coverage left to it: its x axis ends there, so its steps are not crowded at the left.
        double widest = points.Count == 0 ? 1 : Math.Max(1e-6, points.Max(p => p.Coverage));
        var peel = points.Where(p => p.Stage == PrimStage.Peel).ToArray();
        if (peel.Length > 1)
        {
            var path = plot.Add.ScatterLine(peel.Select(p => p.Coverage).ToArray(), peel.Select(p => p.Density).ToArray(), ChartStyle.Grey.WithAlpha(0.45));
            path.LineWidth = 1.5f;
        }
        // Pastes and drops go on from the picked box, darker, so the reader sees where the kept box came from. (Solid: a
        // dashed line drawn before markers leaks its dash into their paint in ScottPlot 5.1.59, and the SVG writer then complains.)
        if (spec.Picked >= 0 && points.Count > peel.Length)
        {
            var after = new[] { points[spec.Picked] }.Concat(points.Skip(peel.Length)).ToArray();
            var path = plot.Add.ScatterLine(after.Select(p => p.Coverage).ToArray(), after.Select(p => p.Density).ToArray(), Colors.Black.WithAlpha(0.7));
            path.LineWidth = 1.5f;
        }
        foreach (var group in points.Select((p, i) => (p, i)).GroupBy(x => x.p.Restricted).OrderBy(g => g.Key))
        {
            var colour = ColourOf(group.Key);
            foreach (var (p, _) in group)
            {
                var shape = p.Stage switch { PrimStage.Paste => MarkerShape.FilledDiamond, PrimStage.Drop => MarkerShape.FilledTriangleUp, _ => MarkerShape.FilledCircle };
                plot.Add.Marker(p.Coverage, p.Density, shape, p.Stage == PrimStage.Peel ? 7 : 9, colour);
            }
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = $"{group.Key} input{(group.Key == 1 ? "" : "s")} restricted", MarkerShape = MarkerShape.FilledCircle, MarkerFillColor = colour,
                MarkerLineColor = colour, MarkerSize = 9,
            });
        }
        if (points.Any(p => p.Stage == PrimStage.Paste))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "pasted", MarkerShape = MarkerShape.FilledDiamond, MarkerFillColor = ChartStyle.Grey, MarkerSize = 9 });
        if (points.Any(p => p.Stage == PrimStage.Drop))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "restriction dropped", MarkerShape = MarkerShape.FilledTriangleUp, MarkerFillColor = ChartStyle.Grey, MarkerSize = 9 });

        // Patterned lines after the filled markers: ScottPlot 5.1.59 carries a line's dash into the next fill's paint.
        var baseLine = plot.Add.HorizontalLine(spec.BaseDensity, 1, ChartStyle.Grey, LinePattern.Dotted);
        baseLine.LegendText = $"density of all cases searched ({ChartStyle.Brief(spec.BaseDensity)})";
        if (spec.DensityLevel is { } level)
        {
            var line = plot.Add.HorizontalLine(level, 1.5f, ChartStyle.Vermilion, LinePattern.Dashed);
            line.LegendText = $"density asked for ({ChartStyle.Number(level)})";
        }
        if (spec.Picked >= 0 && spec.Picked != spec.Final)
        {
            var picked = plot.Add.Marker(points[spec.Picked].Coverage, points[spec.Picked].Density, MarkerShape.OpenSquare, 16, Colors.Black);
            picked.LineWidth = 1.5f;
            picked.LegendText = spec.DensityLevel is null ? "knee (box picked from the peel)" : "box picked from the peel";
        }
        if (spec.Final >= 0)
        {
            var final = points[spec.Final];
            var ring = plot.Add.Marker(final.Coverage, final.Density, MarkerShape.OpenCircle, 22, spec.Kept ? Colors.Black : ChartStyle.Vermilion);
            ring.LineWidth = 2;
            var label = plot.Add.Text(spec.FinalLabel, final.Coverage, final.Density);
            label.LabelFontSize = 13;
            label.LabelFontColor = spec.Kept ? Colors.Black : ChartStyle.Vermilion;
            label.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            label.LabelPadding = 3;
            // Below the trajectory, where there are no boxes: down and to the left of the ring, or down and to the right
            // when the ring is too near the left edge for the label to fit.
            bool left = final.Coverage > 0.45 * widest;
            label.Alignment = left ? Alignment.UpperRight : Alignment.UpperLeft;
            label.OffsetX = left ? -10 : 10;
            label.OffsetY = 12;
        }
        plot.Axes.SetLimits(-0.02 * widest, widest * 1.05, -0.02, 1.05);
        if (widest > 0.5) plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(0.1);
        ChartStyle.ShareTicks(plot.Axes.Left);
        ChartStyle.LegendBelow(plot);
        ChartStyle.Caption(plot, spec.Note);
        return ChartStyle.Export(plot);
    }
}
