using ScottPlot;

namespace TrustSim.Charts;

/// <summary>
/// Short labels tied to x positions, set in rows along the top or the bottom edge of the data area:
/// measured in the chart's font and placed by <see cref="LabelLayout"/>, so none overlaps another or
/// is cut at an edge. Used for event markers and for a threshold search's evaluation numbers. Call it
/// after the axis limits, legend and captions are set: it lays the chart out to learn where the data
/// area is.
/// </summary>
internal static class LabelStrip
{
    private const float FontSize = 11;
    private const float Padding = 2;
    private const double RowHeight = 19;
    private const double RowGap = 2;
    private const double EdgeMargin = 3;

    /// <summary>How many rows the labels would take.</summary>
    public static int RowsNeeded(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<string> texts) =>
        LabelLayout.RowsUsed(Layout(plot, xs, texts).Boxes);

    /// <returns>Every label placed, in pixels of a <see cref="ChartStyle.Width"/> x <see cref="ChartStyle.Height"/> image.</returns>
    public static IReadOnlyList<PlacedLabel> Draw(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<string> texts, Color color, bool fromTop)
    {
        var (boxes, area, pixels) = Layout(plot, xs, texts);
        var limits = plot.Axes.GetLimits();
        var placed = new List<PlacedLabel>();
        for (int i = 0; i < xs.Count; i++)
        {
            var text = plot.Add.Text(texts[i], xs[i], fromTop ? limits.Top : limits.Bottom);
            text.LabelFontSize = FontSize;
            text.LabelFontColor = color;
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            text.LabelPadding = Padding;
            text.Alignment = Alignment.UpperLeft;
            double top = fromTop
                ? area.Top + EdgeMargin + boxes[i].Row * RowHeight
                : area.Bottom - EdgeMargin - (boxes[i].Row + 1) * RowHeight + RowGap;
            text.OffsetX = (float)(boxes[i].Left - pixels[i]);
            text.OffsetY = (float)(top - (fromTop ? area.Top : area.Bottom));
            placed.Add(new PlacedLabel(texts[i], boxes[i].Left, top, boxes[i].Right, top + RowHeight - RowGap));
        }
        return placed;
    }

    private static (IReadOnlyList<LabelBox> Boxes, PixelRect Area, double[] Pixels) Layout(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<string> texts)
    {
        plot.RenderInMemory(ChartStyle.Width, ChartStyle.Height);
        PixelRect area = plot.LastRender.DataRect;
        double[] pixels = xs.Select(x => (double)plot.GetPixel(new Coordinates(x, 0)).X).ToArray();
        var widths = ChartFont.LabelWidths(texts, FontSize, Padding);
        return (LabelLayout.Place(pixels, widths, area.Left, area.Right, offset: 3, gap: 4), area, pixels);
    }
}
