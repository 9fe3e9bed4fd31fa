using ScottPlot;
using TrustSim.Engine;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>
/// adoption.png: three panels over one date axis: the share of users aware of the service, the share
/// banking through the messenger, and the platform's reach. Each has its own scale: adoption is often a
/// hundredth of awareness and would be a flat line on a shared axis.
/// </summary>
internal static class AdoptionChart
{
    public const string FileName = "adoption.png";
    private const double Billion = 1e-9;

    private sealed record Panel(string Name, string YLabel, Func<StepMetrics, double> Read, Color Color, double Factor);

    public static ChartImage Render(Scenario scenario, IReadOnlyList<RunResult> results)
    {
        var series = new RunSeries(results);
        bool several = series.Replications > 1;
        Panel[] panels =
        [
            new("Aware of the service", "Aware (share)", m => m.Aware, ChartStyle.Orange, 1),
            new("Banking through the messenger", "Adopting (share)", m => m.Adoption, ChartStyle.Blue, 1),
            new("Reach: monthly active users", "Users (billions)", m => m.Reach, ChartStyle.Grey, Billion),
        ];
        var plots = new List<Plot>();
        try
        {
            for (int k = 0; k < panels.Length; k++)
            {
                bool first = k == 0, last = k == panels.Length - 1;
                Plot plot = first
                    ? ChartStyle.NewDatePlot($"{scenario.Name}: awareness, adoption and reach", "", panels[k].YLabel)
                    : ChartStyle.NewDatePlot("", "", panels[k].YLabel);
                plots.Add(plot);
                Draw(plot, series, panels[k], several);
                // One date axis for the figure: tick labels under the bottom panel only.
                if (!last) plot.Axes.Bottom.TickLabelStyle.IsVisible = false;
                if (last)
                {
                    plot.XLabel(ChartStyle.DateAxisLabel(scenario), size: 14);
                    if (several) ChartStyle.Caption(plot, $"lines: mean of {series.Replications} replications; bands: 5-95% of them");
                }
            }
            return ChartStyle.Export(plots);
        }
        finally
        {
            foreach (Plot plot in plots) plot.Dispose();
        }
    }

    private static void Draw(Plot plot, RunSeries series, Panel panel, bool several)
    {
        double[] mean = SeriesDrawing.Scale(series.Mean(panel.Read), panel.Factor);
        double[] high = several ? SeriesDrawing.Scale(series.Quantile(panel.Read, 0.95), panel.Factor) : mean;
        if (several)
        {
            SeriesDrawing.Band(plot, series.X, SeriesDrawing.Scale(series.Quantile(panel.Read, 0.05), panel.Factor), high, panel.Color, "");
        }
        if (!SeriesDrawing.Line(plot, series.X, mean, panel.Color, panel.Name))
        {
            ChartStyle.NoData(plot, $"{panel.Name.ToLowerInvariant()} values");
        }
        ChartStyle.SetDateRange(plot, series);
        // Each panel zoomed to its own data from zero, so a share of a few percent still shows its shape.
        double top = high.Concat(mean).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, top > 0 ? (panel.Factor == 1 ? Math.Min(1, top * 1.1) : top * 1.1) : 1);
        // Same width of left axis in every panel, so the panels' data areas line up under one another.
        plot.Axes.Left.MinimumSize = 80;
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.ShowLegend();
    }
}
