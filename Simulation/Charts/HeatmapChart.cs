using ScottPlot;
using ScottPlot.TickGenerators;

namespace TrustSim.Charts;

/// <summary>heatmap-METRIC.png: a metric's mean over a two-parameter grid, one cell per design point, with a colour bar.</summary>
internal static class HeatmapChart
{
    public static byte[] Render(HeatmapSpec spec)
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
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = spec.ColorLabel;
        bar.LabelStyle.FontSize = 13;

        plot.Axes.Bottom.TickGenerator = Ticks(spec.XValues);
        plot.Axes.Left.TickGenerator = Ticks(spec.YValues);
        plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, rows - 0.5);
        plot.Grid.IsVisible = false;
        return ChartStyle.ToPng(plot);
    }

    private static NumericManual Ticks(double[] values)
    {
        var ticks = new NumericManual();
        for (int i = 0; i < values.Length; i++) ticks.AddMajor(i, ChartStyle.Number(values[i]));
        return ticks;
    }
}
