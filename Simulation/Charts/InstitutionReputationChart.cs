using ScottPlot;
using TrustSim.Engine;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>
/// institution-reputation.png: the institutions' own reputation Q (1 = untarnished) on its whole
/// scale. The main line is the mean over every institution, with a 5-95% band over replications: it
/// moves only when Q does. The thin lines are the means of those now in each mode; they also move when
/// institutions switch mode (a switch changes who is averaged), which the footnote says.
/// </summary>
internal static class InstitutionReputationChart
{
    public const string FileName = "institution-reputation.png";

    /// <summary>Mean Q over all institutions: the mode shares are counts, so the mode means weighted by them give it exactly.</summary>
    public static double AllInstitutions(StepMetrics m) =>
        Weighted(m.PartnersNone, m.ReputationNone) + Weighted(m.PartnersLimited, m.ReputationLimited) + Weighted(m.PartnersFull, m.ReputationFull);

    private static double Weighted(double share, double mean) => share > 0 ? share * mean : 0;

    public static ChartImage Render(Scenario scenario, IReadOnlyList<RunResult> results)
    {
        var series = new RunSeries(results);
        using Plot plot = ChartStyle.NewPlot($"{scenario.Name}: institutions' own reputation",
            "Own reputation Q (1 = untarnished)", scenario);
        bool several = series.Replications > 1;
        if (several)
        {
            SeriesDrawing.Band(plot, series.X, series.Quantile(AllInstitutions, 0.05), series.Quantile(AllInstitutions, 0.95),
                ChartStyle.Blue, $"All institutions: 5-95% of {series.Replications} replications");
        }
        bool any = SeriesDrawing.Line(plot, series.X, series.Mean(AllInstitutions), ChartStyle.Blue,
            several ? "All institutions (mean)" : "All institutions");
        any |= SeriesDrawing.Line(plot, series.X, series.Mean(m => m.ReputationFull), ChartStyle.Green, "Those in Full", width: 1.2f, pattern: LinePattern.Dashed);
        any |= SeriesDrawing.Line(plot, series.X, series.Mean(m => m.ReputationLimited), ChartStyle.Orange, "Those in Limited", width: 1.2f, pattern: LinePattern.Dashed);
        any |= SeriesDrawing.Line(plot, series.X, series.Mean(m => m.ReputationNone), ChartStyle.Grey, "Those in None", width: 1.2f, pattern: LinePattern.Dashed);
        if (!any)
        {
            ChartStyle.NoData(plot, "institution reputation values");
        }
        ChartStyle.SetDateRange(plot, series);
        // Q starts at Q0 (1 by default) and only falls: the whole scale shows how much of it is lost.
        double top = series.Mean(AllInstitutions).Concat(series.Mean(m => m.ReputationNone)).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, Math.Max(1, top) * 1.04);
        ChartStyle.ShareTicks(plot.Axes.Left);
        ChartStyle.LegendBelow(plot);
        ChartStyle.Caption(plot, "dashed: mean of those in each mode now, which also moves when institutions switch mode");
        ShockMarkers.Draw(plot, ShockMarkers.Select(scenario, results, series), series);
        return ChartStyle.Export(plot);
    }
}
