using ScottPlot;
using ScottPlot.TickGenerators;
using TrustSim.Engine;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>
/// partners.png: for banks and for payment firms, the share in each partnership mode over time,
/// stacked, mean over replications. The two types are drawn as two lanes of one chart because the
/// model's headline finding is their difference (payment firms go Full, banks stay out or Limited),
/// which a pooled share hides.
/// </summary>
internal static class PartnersChart
{
    public const string FileName = "partners.png";

    /// <summary>Gap between the lanes, in shares.</summary>
    private const double Gap = 0.18;

    private sealed record Lane(string Name, Func<StepMetrics, double> Limited, Func<StepMetrics, double> Full, double Base);

    public static ChartImage Render(Scenario scenario, IReadOnlyList<RunResult> results)
    {
        var series = new RunSeries(results);
        string averaged = series.Replications > 1 ? $", mean of {series.Replications} replications" : "";
        using Plot plot = ChartStyle.NewPlot($"{scenario.Name}: institutions by partnership mode{averaged}",
            "Share of each type in each mode (0-1)", scenario);
        Lane[] lanes =
        [
            new("Banks", m => m.BanksLimited, m => m.BanksFull, 0),
            new("Payment firms", m => m.PaymentsLimited, m => m.PaymentsFull, 1 + Gap),
        ];
        var ticks = new NumericManual();
        if (series.Count == 0)
        {
            ChartStyle.NoData(plot, "steps");
        }
        else
        {
            for (int k = 0; k < lanes.Length; k++)
            {
                DrawLane(plot, series, lanes[k], legend: k == 0);
            }
        }
        foreach (Lane lane in lanes)
        {
            foreach (double v in new[] { 0, 0.25, 0.5, 0.75, 1 }) ticks.AddMajor(lane.Base + v, ChartStyle.Number(v));
        }
        plot.Axes.Left.TickGenerator = ticks;
        ChartStyle.SetDateRange(plot, series);
        plot.Axes.SetLimitsY(0, 2 + Gap);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        ChartStyle.LegendBelow(plot);
        // The events institutions react to (scandals, fines, bans, warnings), as on the reputation chart.
        ShockMarkers.Draw(plot, ShockMarkers.Select(scenario, results, series), series);
        return ChartStyle.Export(plot);
    }

    private static void DrawLane(Plot plot, RunSeries series, Lane lane, bool legend)
    {
        double[] full = series.Mean(lane.Full);
        double[] limited = series.Mean(lane.Limited);
        var name = plot.Add.Text(lane.Name, series.X[0], lane.Base + 1);
        name.LabelFontSize = 13;
        name.LabelBold = true;
        name.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        name.LabelPadding = 2;
        name.Alignment = Alignment.UpperLeft;
        name.OffsetX = 4;
        name.OffsetY = 4;
        if (full.All(double.IsNaN))
        {
            // A scenario without this type of institution: say so rather than draw an empty lane as "None".
            var none = plot.Add.Text($"no {lane.Name.ToLowerInvariant()} in this scenario", series.X[series.Count / 2], lane.Base + 0.5);
            none.LabelFontSize = 12;
            none.LabelFontColor = ChartStyle.Grey;
            none.Alignment = Alignment.MiddleCenter;
            return;
        }
        // Full at the bottom so the partnering share reads from the lane's zero; None fills the rest up to 1.
        double[] fullTop = full.Select(f => lane.Base + Zero(f)).ToArray();
        double[] limitedTop = full.Zip(limited, (f, l) => lane.Base + Zero(f) + Zero(l)).ToArray();
        double[] floor = Enumerable.Repeat(lane.Base, series.Count).ToArray();
        double[] ceiling = Enumerable.Repeat(lane.Base + 1, series.Count).ToArray();
        Layer(plot, series.X, floor, fullTop, ChartStyle.Green, legend ? "Full" : "");
        Layer(plot, series.X, fullTop, limitedTop, ChartStyle.Orange, legend ? "Limited" : "");
        Layer(plot, series.X, limitedTop, ceiling, ChartStyle.Grey, legend ? "None" : "", alpha: 0.25);
    }

    private static void Layer(Plot plot, double[] x, double[] low, double[] high, Color color, string legend, double alpha = 0.85)
    {
        if (x.Length == 1)
        {
            // A single step has no width to fill: show it as a bar-like marker instead.
            var marker = plot.Add.Marker(x[0], high[0], MarkerShape.FilledSquare, 10, color);
            marker.LegendText = legend;
            return;
        }
        var fill = plot.Add.FillY(x, low, high);
        fill.FillColor = color.WithAlpha(alpha);
        fill.LineWidth = 0;
        fill.LegendText = legend;
    }

    private static double Zero(double value) => double.IsNaN(value) ? 0 : value;
}
