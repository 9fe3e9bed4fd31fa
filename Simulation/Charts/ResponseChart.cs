using ScottPlot;

namespace TrustSim.Charts;

/// <summary>response-METRIC-vs-PARAMETER.png: a metric's mean at each parameter value, with 95% confidence intervals as error bars.</summary>
internal static class ResponseChart
{
    private static readonly Color[] Palette =
        [ChartStyle.Blue, ChartStyle.Orange, ChartStyle.Green, ChartStyle.Vermilion, ChartStyle.Purple, ChartStyle.Grey];

    public static ChartImage Render(ResponseChartSpec spec)
    {
        using Plot plot = ChartStyle.NewValuePlot(spec.Title, spec.XLabel, spec.YLabel);
        bool any = false;
        var allX = spec.Lines.SelectMany(l => l.X).ToArray();
        double span = allX.Length > 1 ? allX.Max() - allX.Min() : 1;
        for (int i = 0; i < spec.Lines.Count; i++)
        {
            ResponseLine line = spec.Lines[i];
            Color color = Palette[i % Palette.Length];
            var keep = Enumerable.Range(0, line.X.Length).Where(k => !double.IsNaN(line.Mean[k])).ToArray();
            if (keep.Length == 0) continue;
            // Lines side by side are nudged apart a little so their error bars do not hide each other.
            double dodge = (i - (spec.Lines.Count - 1) / 2.0) * span * 0.012;
            double[] xs = keep.Select(k => line.X[k] + dodge).ToArray();
            double[] ys = keep.Select(k => line.Mean[k]).ToArray();
            SeriesDrawing.IntervalBars(plot, line.X.Select(x => x + dodge).ToArray(), line.Mean, line.Low, line.High, color, 1.5f);
            var scatter = plot.Add.Scatter(xs, ys, color);
            scatter.LineWidth = spec.Joined ? 2 : 0;
            scatter.MarkerSize = spec.Joined ? 7 : 5;
            scatter.LegendText = line.Label;
            any = true;
        }
        if (!any) ChartStyle.NoData(plot, "completed runs");
        // A grid has few values: tick exactly those, so a reader sees where the runs are.
        var levels = spec.Lines.SelectMany(l => l.X).Distinct().Order().ToArray();
        if (spec.Joined && levels.Length is > 1 and <= 12)
        {
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            foreach (double x in levels) ticks.AddMajor(x, ChartStyle.Number(x));
            plot.Axes.Bottom.TickGenerator = ticks;
        }
        if (spec.Note.Length > 0) ChartStyle.Caption(plot, spec.Note);
        if (spec.Lines.Count > 1) ChartStyle.LegendBelow(plot);
        return ChartStyle.Export(plot);
    }
}
