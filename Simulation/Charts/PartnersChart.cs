using ScottPlot;
using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>partners.png: shares of institutions in each partnership mode, stacked, mean over replications.</summary>
internal static class PartnersChart
{
    public const string FileName = "partners.png";

    public static byte[] Render(Scenario scenario, IReadOnlyList<RunResult> results)
    {
        var series = new RunSeries(results);
        string averaged = series.Replications > 1 ? $", mean of {series.Replications} replications" : "";
        using Plot plot = ChartStyle.NewPlot($"{scenario.Name}: institutions by partnership mode{averaged}",
            "Share of institutions (0-1)", scenario);

        // Full at the bottom so the partnering share reads from zero; None fills the rest up to 1.
        double[] full = ZeroForNaN(series.Mean(m => m.PartnersFull));
        double[] limited = ZeroForNaN(series.Mean(m => m.PartnersLimited));
        double[] fullTop = full;
        double[] limitedTop = full.Zip(limited, (f, l) => f + l).ToArray();
        double[] noneTop = limitedTop.Select(_ => 1.0).ToArray();
        double[] zero = new double[series.Count];

        if (series.Count == 0)
        {
            ChartStyle.NoData(plot, "steps");
        }
        else
        {
            Layer(plot, series.X, zero, fullTop, ChartStyle.Green, "Full");
            Layer(plot, series.X, fullTop, limitedTop, ChartStyle.Orange, "Limited");
            Layer(plot, series.X, limitedTop, noneTop, ChartStyle.Grey, "None");
        }

        ChartStyle.SetDateRange(plot, series);
        plot.Axes.SetLimitsY(0, 1);
        ChartStyle.ShareTicks(plot.Axes.Left);
        ChartStyle.LegendBelow(plot);
        // The events institutions react to (scandals, fines, bans, warnings), as on the reputation chart.
        ShockMarkers.Draw(plot, ShockMarkers.Select(scenario, results, series), series);
        return ChartStyle.ToPng(plot);
    }

    private static void Layer(Plot plot, double[] x, double[] low, double[] high, Color color, string legend)
    {
        if (x.Length == 1)
        {
            // A single step has no width to fill: show it as a bar-like marker instead.
            var marker = plot.Add.Marker(x[0], high[0], MarkerShape.FilledSquare, 10, color);
            marker.LegendText = legend;
            return;
        }
        var fill = plot.Add.FillY(x, low, high);
        fill.FillColor = color.WithAlpha(legend == "None" ? 0.25 : 0.85);
        fill.LineWidth = 0;
        fill.LegendText = legend;
    }

    private static double[] ZeroForNaN(double[] values) => values.Select(v => double.IsNaN(v) ? 0 : v).ToArray();
}
