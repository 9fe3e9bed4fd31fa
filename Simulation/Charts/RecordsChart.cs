using ScottPlot;
using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>records.png: financial records held by the platform, in millions, mean and 5-95% band.</summary>
internal static class RecordsChart
{
    public const string FileName = "records.png";
    private const double Million = 1e-6;

    public static ChartImage Render(Scenario scenario, IReadOnlyList<RunResult> results)
    {
        var series = new RunSeries(results);
        using Plot plot = ChartStyle.NewPlot($"{scenario.Name}: financial records held by the platform",
            "Records held (millions of records)", scenario);

        if (series.Replications > 1)
        {
            SeriesDrawing.Band(plot, series.X,
                SeriesDrawing.Scale(series.Quantile(m => m.RecordsHeld, 0.05), Million),
                SeriesDrawing.Scale(series.Quantile(m => m.RecordsHeld, 0.95), Million),
                ChartStyle.Vermilion, $"5-95% of {series.Replications} replications");
        }
        bool any = SeriesDrawing.Line(plot, series.X, SeriesDrawing.Scale(series.Mean(m => m.RecordsHeld), Million),
            ChartStyle.Vermilion, series.Replications > 1 ? "Records held (mean)" : "Records held");
        if (!any)
        {
            ChartStyle.NoData(plot, "records");
        }

        ChartStyle.SetDateRange(plot, series);
        SetYRange(plot, series);
        ChartStyle.LegendBelow(plot);
        return ChartStyle.Export(plot);
    }

    /// <summary>From zero to a little above the highest value, so growth reads against a true baseline.</summary>
    private static void SetYRange(Plot plot, RunSeries series)
    {
        double top = series.Replications > 1
            ? series.Quantile(m => m.RecordsHeld, 0.95).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max()
            : series.Mean(m => m.RecordsHeld).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
        top *= Million;
        plot.Axes.SetLimitsY(0, top > 0 ? top * 1.08 : 1);
    }
}
