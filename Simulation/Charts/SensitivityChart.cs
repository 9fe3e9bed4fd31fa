using ScottPlot;

namespace TrustSim.Charts;

/// <summary>sensitivity-METRIC.png: S1 and ST of each parameter as grouped bars with 95% bootstrap CI whiskers.</summary>
internal static class SensitivityChart
{
    public static ChartImage Render(SensitivityChartSpec spec)
    {
        using Plot plot = ChartStyle.NewValuePlot(spec.Title, "Swept parameter", "Sobol index (share of output variance)");
        var parameters = spec.Rows.Select(r => r.Parameter).Distinct().ToArray();
        var bars = new List<Bar>();
        var whiskers = new List<(double X, double Low, double High)>();
        var (low, high) = (0.0, 1.0);
        foreach (var (index, color, offset) in new[] { ("S1", ChartStyle.Blue, -0.2), ("ST", ChartStyle.Orange, 0.2) })
        {
            for (int p = 0; p < parameters.Length; p++)
            {
                var row = spec.Rows.FirstOrDefault(r => r.Parameter == parameters[p] && r.Index == index);
                if (row is null || double.IsNaN(row.Value)) continue;
                bool ci = double.IsFinite(row.CiLow) && double.IsFinite(row.CiHigh);
                // An estimate the data do not pin down is hatched: the reader sees at once which bars to distrust.
                bool unsettled = spec.Unsettled.Contains(row);
                bars.Add(new Bar
                {
                    Position = p + offset, Value = row.Value, Size = 0.38, LineWidth = unsettled ? 1.5f : 0, LineColor = color,
                    FillColor = unsettled ? color.WithAlpha(0.25) : color,
                    FillHatch = unsettled ? new ScottPlot.Hatches.Striped() : null, FillHatchColor = color,
                });
                // Percentile intervals are not symmetric about the estimate: draw their real ends as whiskers.
                if (ci) whiskers.Add((p + offset, row.CiLow, row.CiHigh));
                low = Math.Min(low, ci ? row.CiLow : row.Value);
                high = Math.Max(high, ci ? row.CiHigh : row.Value);
            }
        }
        if (bars.Count == 0) ChartStyle.NoData(plot, "indices");
        else plot.Add.Bars(bars);
        foreach (var (x, lo, hi) in whiskers)
        {
            foreach (var (x1, y1, x2, y2) in new[] { (x, lo, x, hi), (x - 0.07, lo, x + 0.07, lo), (x - 0.07, hi, x + 0.07, hi) })
            {
                var line = plot.Add.Line(x1, y1, x2, y2);
                line.Color = Colors.Black;
                line.LineWidth = 1.5f;
            }
        }
        // A Sobol index is a share of variance: the lines at 0 and 1 show at a glance an estimate outside what is possible.
        plot.Add.HorizontalLine(0, 1, ChartStyle.Grey);
        plot.Add.HorizontalLine(1, 1, ChartStyle.Grey, LinePattern.Dotted);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int p = 0; p < parameters.Length; p++) ticks.AddMajor(p, parameters[p]);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(-0.7, Math.Max(parameters.Length, 1) - 0.3);
        // Indices live in [0, 1]; with few samples a bootstrap draw of a near-constant output can reach 1e18, so clip the view.
        bool clipped = low < -1.5 || high > 2.5;
        plot.Axes.SetLimitsY(Math.Max(-1.5, Math.Min(0, low)) - 0.05, Math.Min(2.5, Math.Max(1, high)) + 0.05);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "S1 (first order: alone)", FillColor = ChartStyle.Blue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "ST (total: with interactions)", FillColor = ChartStyle.Orange });
        if (spec.Unsettled.Count > 0)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "hatched: not settled at this N", FillColor = ChartStyle.Grey.WithAlpha(0.25), FillHatch = new ScottPlot.Hatches.Striped(), FillHatchColor = ChartStyle.Grey });
        ChartStyle.LegendBelow(plot);
        ChartStyle.Caption(plot, clipped ? spec.Note + "; whiskers clipped to [-1.5, 2.5]: see sensitivity.csv" : spec.Note);
        return ChartStyle.Export(plot);
    }
}
