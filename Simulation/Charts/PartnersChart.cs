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

    private sealed record Lane(string Name, InstitutionType Type, Func<StepMetrics, double> Limited, Func<StepMetrics, double> Full, double Base);

    public static ChartImage Render(Scenario scenario, IReadOnlyList<RunResult> results)
    {
        var series = new RunSeries(results);
        string averaged = series.Replications > 1 ? $", mean of {series.Replications} replications" : "";
        using Plot plot = ChartStyle.NewPlot($"{scenario.Name}: institutions by partnership mode{averaged}",
            "Share of each type in each mode (0-1)", scenario);
        Lane[] lanes =
        [
            new("Banks", InstitutionType.Bank, m => m.BanksLimited, m => m.BanksFull, 0),
            new("Payment firms", InstitutionType.Payment, m => m.PaymentsLimited, m => m.PaymentsFull, 1 + Gap),
        ];
        var ticks = new NumericManual();
        if (series.Count == 0)
        {
            ChartStyle.NoData(plot, "steps");
        }
        else
        {
            bool legend = true;
            foreach (Lane lane in lanes)
            {
                bool present = Count(scenario, lane.Type) > 0;
                DrawLane(plot, series, lane, legend && present, present);
                legend &= !present; // the modes go in the legend once, from the first lane that draws them
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

    private static void DrawLane(Plot plot, RunSeries series, Lane lane, bool legend, bool present)
    {
        if (present)
        {
            // Full at the bottom so the partnering share reads from the lane's zero; None fills the rest up to 1.
            double[] full = series.Mean(lane.Full);
            double[] limited = series.Mean(lane.Limited);
            double[] fullTop = full.Select(f => lane.Base + Zero(f)).ToArray();
            double[] limitedTop = full.Zip(limited, (f, l) => lane.Base + Zero(f) + Zero(l)).ToArray();
            double[] floor = Enumerable.Repeat(lane.Base, series.Count).ToArray();
            double[] ceiling = Enumerable.Repeat(lane.Base + 1, series.Count).ToArray();
            Layer(plot, series.X, floor, fullTop, ChartStyle.Green, legend ? "Full" : "");
            Layer(plot, series.X, fullTop, limitedTop, ChartStyle.Orange, legend ? "Limited" : "");
            Layer(plot, series.X, limitedTop, ceiling, ChartStyle.Grey, legend ? "None" : "", alpha: 0.25);
        }
        else
        {
            // A scenario without this type: say so, rather than draw an empty lane that reads as "all in None".
            var none = plot.Add.Text($"no {lane.Name.ToLowerInvariant()} in this scenario", series.X[series.Count / 2], lane.Base + 0.5);
            none.LabelFontSize = 13;
            none.LabelFontColor = ChartStyle.Grey;
            none.Alignment = Alignment.MiddleCenter;
        }
        // The lane's name last, so no fill covers it.
        var name = plot.Add.Text(lane.Name, series.X[0], lane.Base + 1);
        name.LabelFontSize = 13;
        name.LabelBold = true;
        name.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        name.LabelPadding = 2;
        name.Alignment = Alignment.UpperLeft;
        name.OffsetX = 4;
        name.OffsetY = 4;
    }

    /// <summary>Institutions of a type in the scenario: generated plus named.</summary>
    private static int Count(Scenario scenario, InstitutionType type) =>
        Math.Max(0, type == InstitutionType.Bank ? scenario.Institutions.Generated.Banks : scenario.Institutions.Generated.Payments)
        + scenario.Institutions.Named.Count(n => n.Type == type);

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
