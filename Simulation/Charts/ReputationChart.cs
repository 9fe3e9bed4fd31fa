using ScottPlot;
using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>reputation.png: platform reputation over time, its 5-95% band over replications, the anchor, and shock markers.</summary>
internal static class ReputationChart
{
    public const string FileName = "reputation.png";

    public static ChartImage Render(Scenario scenario, IReadOnlyList<RunResult> results)
    {
        var series = new RunSeries(results);
        using Plot plot = ChartStyle.NewPlot($"{scenario.Name}: platform reputation", "Reputation (share trusting the platform)", scenario);
        double[] mean = series.Mean(m => m.Reputation);
        if (series.Replications > 1)
        {
            SeriesDrawing.Band(plot, series.X, series.Quantile(m => m.Reputation, 0.05),
                series.Quantile(m => m.Reputation, 0.95), ChartStyle.Blue,
                $"5-95% of {series.Replications} replications");
        }
        bool any = SeriesDrawing.Line(plot, series.X, mean, ChartStyle.Blue,
            series.Replications > 1 ? "Reputation (mean)" : "Reputation");
        SeriesDrawing.Line(plot, series.X, series.Mean(m => m.Anchor), ChartStyle.Grey,
            "Anchor (long-run level)", width: 1.5f, pattern: LinePattern.Dashed);
        if (!any)
        {
            ChartStyle.NoData(plot, "reputation values");
        }

        ChartStyle.SetDateRange(plot, series);
        plot.Axes.SetLimitsY(0, 1);
        ShockMarkers.DrawRandom(plot, results, series);
        ChartStyle.ShareTicks(plot.Axes.Left);
        ChartStyle.LegendBelow(plot);
        ShockMarkers.Draw(plot, ShockMarkers.Select(scenario, results, series), series);
        return ChartStyle.Export(plot);
    }
}
