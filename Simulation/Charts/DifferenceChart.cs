using ScottPlot;

namespace TrustSim.Charts;

/// <summary>One side's standardised difference from side 1 on one metric: estimate and 95% CI in units of side 1's sd.</summary>
internal sealed record DifferenceDot(string Metric, string Side, double Estimate, double Low, double High);

/// <summary>differences.png: a dot and whisker per metric (rows) and side (colours), in standard deviations of side 1.</summary>
internal static class DifferenceChart
{
    private static readonly Color[] Palette = [ChartStyle.Orange, ChartStyle.Green, ChartStyle.Vermilion, ChartStyle.Purple, ChartStyle.Grey];

    public const string FileName = "differences.png";

    public static ChartImage Render(string title, string reference, IReadOnlyList<DifferenceDot> dots, string note)
    {
        using Plot plot = ChartStyle.NewValuePlot(title, $"Difference from {reference} (in standard deviations of {reference} over replications)", "");
        var metrics = dots.Select(d => d.Metric).Distinct().ToArray();
        var sides = dots.Select(d => d.Side).Distinct().ToArray();
        for (int s = 0; s < sides.Length; s++)
        {
            var color = Palette[s % Palette.Length];
            double nudge = sides.Length == 1 ? 0 : (s - (sides.Length - 1) / 2.0) * 0.25;
            bool labelled = false;
            foreach (var d in dots.Where(d => d.Side == sides[s]))
            {
                double y = metrics.Length - 1 - Array.IndexOf(metrics, d.Metric) + nudge;
                if (double.IsFinite(d.Low) && double.IsFinite(d.High))
                {
                    var whisker = plot.Add.Line(d.Low, y, d.High, y);
                    whisker.Color = color;
                    whisker.LineWidth = 2;
                }
                var dot = plot.Add.Marker(d.Estimate, y, MarkerShape.FilledCircle, 9, color);
                if (!labelled) dot.LegendText = $"{sides[s]} minus {reference} (95% CI)";
                labelled = true;
            }
        }
        if (dots.Count == 0) ChartStyle.NoData(plot, "differences");
        plot.Add.VerticalLine(0, 1, ChartStyle.Grey, LinePattern.Dashed);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int m = 0; m < metrics.Length; m++) ticks.AddMajor(metrics.Length - 1 - m, metrics[m]);
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimitsY(-0.7, Math.Max(metrics.Length, 1) - 0.3);
        if (note.Length > 0) ChartStyle.Caption(plot, note);
        ChartStyle.LegendBelow(plot);
        return ChartStyle.Export(plot);
    }
}
