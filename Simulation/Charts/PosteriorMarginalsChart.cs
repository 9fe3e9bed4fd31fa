using ScottPlot;

namespace TrustSim.Charts;

/// <summary>
/// marginals.png: one panel per sampled quantity over its whole prior range: a histogram of the posterior
/// draws, the prior's density as a grey line, the 95% credible interval shaded and the median marked. A
/// marginal that repeats its prior says the data did not speak to that quantity.
/// </summary>
internal static class PosteriorMarginalsChart
{
    public const string FileName = "marginals.png";
    private const int Bins = 40;

    public static ChartImage Render(PosteriorChartData data)
    {
        var quantities = data.Quantities;
        var columns = quantities.Count <= 4 ? quantities.Count : 3;
        var rows = (quantities.Count + columns - 1) / columns;
        var panels = quantities.Select((q, k) => Panel(q, k % columns == 0)).ToList<Plot?>();
        var notes = new List<string> { "bars: posterior draws of all chains; grey line: prior; shaded: 95% credible interval; dark line: median" };
        notes.AddRange(PosteriorCharts.Notes(data));
        var height = Math.Max(ChartStyle.Height, 300 * rows + 60 + 20 * notes.Count);
        return PanelFigure.Export($"{data.Scenario.Name}: posterior of each quantity, against its prior{PosteriorCharts.TitleMark(data)}",
            panels, rows, columns, notes, ChartStyle.Width, height);
    }

    private static Plot Panel(PosteriorQuantity q, bool first)
    {
        var plot = PosteriorPanels.Panel($"{q.Name}\n{PosteriorPanels.Diagnostics(q.Convergence)}", q.Log ? "value (log scale)" : "value",
            first ? "density" : "");
        double low = PosteriorPanels.ToAxis(q.Prior.Min, q.Log), high = PosteriorPanels.ToAxis(q.Prior.Max, q.Log);
        var draws = q.Pooled().Select(x => PosteriorPanels.ToAxis(x, q.Log)).ToArray();
        var top = 0.0;
        if (draws.Length > 0 && double.IsFinite(q.Summary.Low) && double.IsFinite(q.Summary.High))
        {
            var interval = plot.Add.HorizontalSpan(PosteriorPanels.ToAxis(q.Summary.Low, q.Log), PosteriorPanels.ToAxis(q.Summary.High, q.Log));
            interval.FillColor = ChartStyle.Blue.WithAlpha(0.12);
            interval.LineWidth = 0;
        }
        top = Math.Max(top, PosteriorPanels.Histogram(plot, draws, low, high, Bins, ChartStyle.Blue));
        var (xs, ys) = PosteriorPanels.PriorCurve(q.Prior, q.Log);
        var prior = plot.Add.ScatterLine(xs, ys, ChartStyle.Grey);
        prior.LineWidth = 2;
        var priorTop = ys.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        if (draws.Length > 0 && double.IsFinite(q.Summary.Median))
        {
            var median = plot.Add.VerticalLine(PosteriorPanels.ToAxis(q.Summary.Median, q.Log), 2, ChartStyle.Blue);
            median.LinePattern = LinePattern.Solid;
        }
        if (draws.Length == 0) ChartStyle.NoData(plot, "draws");
        // A prior with an infinite density at a bound (beta with a shape below 1) must not flatten the histogram.
        var ceiling = top > 0 ? Math.Max(top, Math.Min(priorTop, 3 * top)) : Math.Max(priorTop, 1);
        plot.Axes.SetLimits(low, high, 0, 1.08 * ceiling);
        PosteriorPanels.Ticks(plot.Axes.Bottom, q.Prior.Min, q.Prior.Max, q.Log);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { MaxTickCount = 4, LabelFormatter = ChartStyle.Number };
        return plot;
    }
}
