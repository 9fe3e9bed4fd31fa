using ScottPlot;
using ScottPlot.TickGenerators;
using TrustSim.Experiments;

namespace TrustSim.Charts;

/// <summary>loss.png: the loss at every search evaluation, coloured by start, and the best so far, on a log scale.</summary>
internal static class CalibrationLossChart
{
    public const string FileName = "loss.png";

    private static readonly Color[] StartColors = [ChartStyle.Blue, ChartStyle.Orange, ChartStyle.Green, ChartStyle.Purple, ChartStyle.Vermilion, ChartStyle.Grey];

    public static ChartImage Render(string scenarioName, IReadOnlyList<CalibrationEvaluation> trace)
    {
        ChartFont.Ensure();
        using var plot = new Plot();
        plot.Font.Set(ChartFont.Family);
        plot.Title($"{scenarioName}: loss over evaluations", size: 18);
        plot.XLabel("Evaluation (search, all starts in order)", size: 14);
        plot.YLabel("Loss (weighted squared error, log scale)", size: 14);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Legend.FontSize = 12;

        var search = trace.Where(e => e.IsSearch && double.IsFinite(e.Loss)).ToList();
        if (search.Count == 0)
        {
            ChartStyle.NoData(plot, "evaluations");
            return ChartStyle.Export(plot);
        }
        // Log of zero is undefined: a perfect fit is drawn at a floor below the smallest positive loss.
        var positive = search.Where(e => e.Loss > 0).Select(e => e.Loss).DefaultIfEmpty(1e-12).Min();
        var floor = positive / 10;
        double Y(double loss) => Math.Log10(Math.Max(loss, floor));

        foreach (var group in search.GroupBy(e => e.Start!.Value).OrderBy(g => g.Key))
        {
            var points = plot.Add.ScatterPoints(group.Select(e => (double)e.Index + 1).ToArray(), group.Select(e => Y(e.Loss)).ToArray(),
                StartColors[group.Key % StartColors.Length]);
            points.MarkerSize = 5;
            points.LegendText = group.Key == 0 ? "Start 1 (scenario's values)" : $"Start {group.Key + 1} (Latin hypercube)";
        }
        var best = double.PositiveInfinity;
        var bestY = search.Select(e => Y(best = Math.Min(best, e.Loss))).ToArray();
        var line = plot.Add.ScatterLine(search.Select(e => (double)e.Index + 1).ToArray(), bestY, Colors.Black);
        line.LineWidth = 2;
        line.LegendText = "Best so far";

        var ticks = new NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = y => $"1e{y:0}",
            MinorTickGenerator = new LogMinorTickGenerator(),
        };
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimitsX(0, search[^1].Index + 2);
        ChartStyle.LegendBelow(plot);
        return ChartStyle.Export(plot);
    }
}
