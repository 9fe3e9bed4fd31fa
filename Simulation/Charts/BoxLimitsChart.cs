using ScottPlot;

namespace TrustSim.Charts;

/// <summary>
/// boxes.png: each box's limits on each input it restricts, drawn inside the input's full range (a grey
/// bar from its smallest to its largest value, written at the ends), one row per input and one coloured
/// bar per box, with the limits and the restriction's quasi-p-value written beside the bar. A categorical
/// input's row names its categories above it; each box marks the ones it keeps with a filled square.
/// </summary>
internal static class BoxLimitsChart
{
    private static readonly Color[] BoxColours = [ChartStyle.Blue, ChartStyle.Orange, ChartStyle.Green, ChartStyle.Vermilion, ChartStyle.Purple];

    private const double RowHeight = 0.7;

    public static Color ColourOf(int box) => BoxColours[box % BoxColours.Length];

    public static ChartImage Render(BoxLimitsChartSpec spec)
    {
        using Plot plot = ChartStyle.NewValuePlot(spec.Title, "Position in the input's full range (0 = its smallest value, 1 = its largest)", "");
        int rows = Math.Max(1, spec.Rows.Count), boxes = Math.Max(1, spec.Boxes.Count);
        double slot = RowHeight / boxes;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < spec.Rows.Count; i++)
        {
            var row = spec.Rows[i];
            double y = -i;
            ticks.AddMajor(y, row.Input);
            var full = plot.Add.Rectangle(0, 1, y - RowHeight / 2, y + RowHeight / 2);
            full.FillColor = ChartStyle.Grey.WithAlpha(0.12);
            full.LineWidth = 0;
            if (!row.IsCategorical)
            {
                Note(plot, LimitText.Value(row.Min, row.Min, row.Max), 0, y + RowHeight / 2, Alignment.LowerLeft, ChartStyle.Grey);
                Note(plot, LimitText.Value(row.Max, row.Min, row.Max), 1, y + RowHeight / 2, Alignment.LowerRight, ChartStyle.Grey);
            }
            else
            {
                // The categories named once, above the row, where each box marks the ones it keeps.
                for (int c = 0; c < row.Categories.Count; c++)
                    Note(plot, row.Categories[c], CategoryX(c, row.Categories.Count), y + RowHeight / 2, Alignment.LowerCenter, ChartStyle.Grey);
            }
            for (int b = 0; b < row.Boxes.Count; b++)
            {
                if (row.Boxes[b] is not { } limit) continue;
                double top = y + RowHeight / 2 - b * slot, bottom = top - slot * 0.8, middle = (top + bottom) / 2;
                var colour = ColourOf(b);
                if (row.IsCategorical) DrawCategories(plot, row, limit, bottom, top, colour);
                else DrawInterval(plot, row, limit, bottom, top, colour);
                string where = row.IsCategorical ? "" : $"{LimitText.Range(limit.Low, limit.High, row.Min, row.Max)}   ";
                Note(plot, $"{where}p = {P(limit.QuasiP)}", 1.02, middle, Alignment.MiddleLeft, colour);
            }
        }
        for (int b = 0; b < spec.Boxes.Count; b++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = spec.Boxes[b], FillColor = ColourOf(b) });
        if (spec.Rows.Count > 0) plot.Legend.ManualItems.Add(new LegendItem { LabelText = "the input's full range", FillColor = ChartStyle.Grey.WithAlpha(0.12) });
        if (spec.Empty is { } empty) ChartStyle.NoData(plot, empty);
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 0.25, 0.5, 0.75, 1], ["0", "0.25", "0.5", "0.75", "1"]);
        // Room on the right for the limits and p-values written beside the bars.
        plot.Axes.SetLimits(-0.03, 1.55, -(rows - 1) - RowHeight / 2 - 0.15, RowHeight / 2 + 0.35);
        plot.Grid.XAxisStyle.MajorLineStyle.Color = Colors.Transparent;
        plot.Grid.YAxisStyle.MajorLineStyle.Color = Colors.Transparent;
        ChartStyle.LegendBelow(plot);
        ChartStyle.Caption(plot, spec.Note);
        return ChartStyle.Export(plot);
    }

    private static void DrawInterval(Plot plot, BoxLimitsRow row, BoxLimit limit, double bottom, double top, Color colour)
    {
        double span = row.Max - row.Min;
        double left = span > 0 ? (limit.Low - row.Min) / span : 0, right = span > 0 ? (limit.High - row.Min) / span : 1;
        var bar = plot.Add.Rectangle(left, right, bottom, top);
        bar.FillColor = colour.WithAlpha(0.85);
        bar.LineColor = colour;
        bar.LineWidth = 1;
    }

    /// <summary>Each category as a square at its place along the row: filled in the box's colour when kept, hollow when left out.</summary>
    private static void DrawCategories(Plot plot, BoxLimitsRow row, BoxLimit limit, double bottom, double top, Color colour)
    {
        for (int c = 0; c < row.Categories.Count; c++)
        {
            bool kept = limit.Kept.Contains(c);
            plot.Add.Marker(CategoryX(c, row.Categories.Count), (bottom + top) / 2, kept ? MarkerShape.FilledSquare : MarkerShape.OpenSquare, 12, colour);
        }
    }

    /// <summary>Where category <paramref name="c"/> of <paramref name="n"/> sits along the row: spread evenly, none at the ends.</summary>
    private static double CategoryX(int c, int n) => (c + 0.5) / n;

    private static void Note(Plot plot, string text, double x, double y, Alignment alignment, Color colour)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = 12;
        label.LabelFontColor = colour;
        label.Alignment = alignment;
    }

    /// <summary>A quasi-p-value in two significant digits; the smallest as an upper bound, since the binomial tail underflows.</summary>
    public static string P(double p) => p < 1e-300 ? "< 1e-300" : p < 0.001 ? p.ToString("0.0e+0", System.Globalization.CultureInfo.InvariantCulture)
        : p.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
