using ScottPlot;
using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>adoption.png: shares of users aware and adopting (left axis) and the platform's reach in billions (right axis).</summary>
internal static class AdoptionChart
{
    public const string FileName = "adoption.png";
    private const double Billion = 1e-9;

    public static byte[] Render(Scenario scenario, IReadOnlyList<RunResult> results)
    {
        var series = new RunSeries(results);
        using Plot plot = ChartStyle.NewPlot($"{scenario.Name}: awareness, adoption and reach",
            "Share of users (0-1)", scenario);
        bool several = series.Replications > 1;

        if (several)
        {
            SeriesDrawing.Band(plot, series.X, series.Quantile(m => m.Aware, 0.05), series.Quantile(m => m.Aware, 0.95),
                ChartStyle.Orange, "");
            SeriesDrawing.Band(plot, series.X, series.Quantile(m => m.Adoption, 0.05), series.Quantile(m => m.Adoption, 0.95),
                ChartStyle.Blue, $"5-95% bands, {series.Replications} replications");
        }
        bool any = SeriesDrawing.Line(plot, series.X, series.Mean(m => m.Aware), ChartStyle.Orange,
            several ? "Aware of the service (mean share)" : "Aware of the service (share)");
        any |= SeriesDrawing.Line(plot, series.X, series.Mean(m => m.Adoption), ChartStyle.Blue,
            several ? "Banking through the messenger (mean share)" : "Banking through the messenger (share)");

        double[] reach = SeriesDrawing.Scale(series.Mean(m => m.Reach), Billion);
        any |= SeriesDrawing.Line(plot, series.X, reach, ChartStyle.Grey, "Reach, right axis (billions)",
            width: 1.5f, pattern: LinePattern.Dashed, yAxis: plot.Axes.Right);
        plot.Axes.Right.Label.Text = "Monthly active users (billions)";
        plot.Axes.Right.Label.FontSize = 14;
        if (!any)
        {
            ChartStyle.NoData(plot, "adoption values");
        }

        ChartStyle.SetDateRange(plot, series);
        // Zoomed to the data (capped at 1): adoption is often a few percent and would be a flat line on 0-1.
        double shareTop = series.Mean(m => m.Aware).Concat(series.Mean(m => m.Adoption))
            .Concat(several ? series.Quantile(m => m.Aware, 0.95) : []).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, shareTop > 0 ? Math.Min(1, shareTop * 1.1) : 1, plot.Axes.Left);
        double top = reach.Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, top > 0 ? top * 1.1 : 1, plot.Axes.Right);
        ChartStyle.LegendBelow(plot);
        return ChartStyle.ToPng(plot);
    }
}
