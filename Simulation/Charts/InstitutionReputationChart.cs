using ScottPlot;
using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>
/// institution-reputation.png: mean own reputation of the institutions in each mode. A mode with
/// no institutions has no mean (NaN): its line breaks there instead of bridging the gap.
/// </summary>
internal static class InstitutionReputationChart
{
    public const string FileName = "institution-reputation.png";

    public static byte[] Render(Scenario scenario, IReadOnlyList<RunResult> results)
    {
        var series = new RunSeries(results);
        string averaged = series.Replications > 1 ? $", mean of {series.Replications} replications" : "";
        using Plot plot = ChartStyle.NewPlot($"{scenario.Name}: institution reputation by mode{averaged}",
            "Mean own reputation Q of its institutions", scenario);

        double[] none = series.Mean(m => m.ReputationNone);
        double[] limited = series.Mean(m => m.ReputationLimited);
        double[] full = series.Mean(m => m.ReputationFull);
        bool any = SeriesDrawing.Line(plot, series.X, full, ChartStyle.Green, "Full");
        any |= SeriesDrawing.Line(plot, series.X, limited, ChartStyle.Orange, "Limited");
        any |= SeriesDrawing.Line(plot, series.X, none, ChartStyle.Grey, "None");
        if (!any)
        {
            ChartStyle.NoData(plot, "institution reputation values");
        }

        ChartStyle.SetDateRange(plot, series);
        SetYRange(plot, none.Concat(limited).Concat(full).Where(v => !double.IsNaN(v)).ToList());
        ChartStyle.LegendBelow(plot);
        return ChartStyle.ToPng(plot);
    }

    /// <summary>
    /// The data's own range with a margin, so differences between modes are visible and a line
    /// at Q = 1 does not vanish under the frame; never below 0 for values that are shares.
    /// </summary>
    private static void SetYRange(Plot plot, List<double> values)
    {
        if (values.Count == 0)
        {
            plot.Axes.SetLimitsY(0, 1);
            ChartStyle.ShareTicks(plot.Axes.Left);
            return;
        }
        double low = values.Min();
        double high = values.Max();
        double pad = Math.Max((high - low) * 0.08, 0.02);
        double bottom = low >= 0 ? Math.Max(0, low - pad) : low - pad;
        plot.Axes.SetLimitsY(bottom, high + pad);
    }
}
