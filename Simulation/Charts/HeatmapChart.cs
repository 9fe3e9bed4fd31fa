using ScottPlot;
using ScottPlot.TickGenerators;

namespace TrustSim.Charts;

/// <summary>
/// heatmap-METRIC.png: a metric's mean over a two-parameter grid, one cell per design point, each cell
/// printing its mean and 95% interval, with a colour bar and a line saying whether the cells differ beyond noise.
/// </summary>
internal static class HeatmapChart
{
    public static ChartImage Render(HeatmapSpec spec)
    {
        using Plot plot = ChartStyle.NewValuePlot(spec.Title, spec.XLabel, spec.YLabel);
        int rows = spec.YValues.Length;
        int columns = spec.XValues.Length;
        // ScottPlot draws row 0 at the top; flip so the smallest y value sits at the bottom like any axis.
        var flipped = new double[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                flipped[rows - 1 - r, c] = spec.Values[r, c];
        var heatmap = plot.Add.Heatmap(flipped);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        // Cells of unit size centred on 0..n-1 (Position spans the cell centres), labelled with the
        // parameter values, which need not be evenly spaced.
        heatmap.Position = new CoordinateRect(0, Math.Max(columns - 1, 1e-9), 0, Math.Max(rows - 1, 1e-9));
        heatmap.NaNCellColor = Colors.LightGray;
        // The colour range spans the cells' intervals, not just their means: differences within the
        // noise then show as small changes of colour instead of the full range of the map.
        var colours = ColourRange(spec);
        heatmap.ManualRange = colours;
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = spec.ColorLabel;
        bar.LabelStyle.FontSize = 13;
        LabelCells(plot, spec, colours);
        if (spec.Note.Length > 0) plot.XLabel($"{spec.XLabel}\n{spec.Note}", size: 13);

        plot.Axes.Bottom.TickGenerator = Ticks(spec.XValues);
        plot.Axes.Left.TickGenerator = Ticks(spec.YValues);
        plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, rows - 0.5);
        plot.Grid.IsVisible = false;
        return ChartStyle.Export(plot);
    }

    /// <summary>
    /// Prints each cell's text at its centre, dark on the light end of the colour map and light on the
    /// dark end; a grid too fine for text to fit keeps colours only (the values are in points.csv).
    /// </summary>
    private static void LabelCells(Plot plot, HeatmapSpec spec, ScottPlot.Range colours)
    {
        int rows = spec.YValues.Length, columns = spec.XValues.Length;
        if (rows * columns > MaxLabelledCells || columns > MaxLabelledColumns) return;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                if (spec.CellText[r, c].Length == 0) continue;
                double share = colours.Max > colours.Min ? (spec.Values[r, c] - colours.Min) / (colours.Max - colours.Min) : 0.5;
                // Row r sits at y = r: the smallest y value at the bottom, as drawn above.
                var label = plot.Add.Text(spec.CellText[r, c], c, r);
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontSize = columns > 6 ? 10 : 12;
                label.LabelFontColor = share > 0.6 ? Colors.Black : Colors.White;
            }
        }
    }

    private static ScottPlot.Range ColourRange(HeatmapSpec spec)
    {
        var values = spec.Values.Cast<double>().Concat(spec.Low.Cast<double>()).Concat(spec.High.Cast<double>()).Where(double.IsFinite).ToArray();
        if (values.Length == 0) return new ScottPlot.Range(0, 1);
        double min = values.Min(), max = values.Max();
        return max > min ? new ScottPlot.Range(min, max) : new ScottPlot.Range(min - 0.5, max + 0.5);
    }

    private const int MaxLabelledCells = 144;
    private const int MaxLabelledColumns = 12;

    private static NumericManual Ticks(double[] values)
    {
        var ticks = new NumericManual();
        for (int i = 0; i < values.Length; i++) ticks.AddMajor(i, ChartStyle.Number(values[i]));
        return ticks;
    }
}
