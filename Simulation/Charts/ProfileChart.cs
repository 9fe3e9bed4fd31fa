using ScottPlot;
using TrustSim.Experiments;

namespace TrustSim.Charts;

/// <summary>
/// profile.png: for each calibrated parameter, the log-likelihood maximised over the other parameters at
/// values across its range, relative to the best found, with the line 1.92 below it (half the 95% point
/// of chi-square with one degree of freedom). A profile that stays above the line across the range says
/// the data rule out no value of that parameter, whatever the others do.
/// </summary>
internal static class ProfileChart
{
    public const string FileName = "profile.png";

    /// <summary>Half the 95% quantile of chi-square(1): a likelihood-ratio 95% interval is where the profile stays above -1.92.</summary>
    public const double Threshold = 1.920729410347062;

    private const double Floor = -25;

    public static ChartImage Render(PosteriorChartData data)
    {
        var parameters = data.Parameters;
        var best = data.Profile.Select(p => p.LogLikelihood).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var columns = parameters.Count <= 3 ? parameters.Count : 3;
        var rows = (parameters.Count + columns - 1) / columns;
        var panels = parameters.Select((q, k) => Panel(q, data.Profile.Where(p => p.Parameter == k).ToList(), best, k % columns == 0)).ToList<Plot?>();
        var evaluations = data.Profile.Count == 0 ? 0 : data.Profile.Max(p => p.Evaluations);
        var notes = new List<string>
        {
            $"each point: log-likelihood maximised over the other parameters (Nelder-Mead, at most {evaluations} runs: a lower bound)",
            "dashed: 1.92 below the best; values above it form the 95% profile-likelihood interval",
        };
        notes.AddRange(PosteriorCharts.Notes(data).Where(n => !n.StartsWith("ridge", StringComparison.Ordinal)));
        var height = Math.Max(ChartStyle.Height, 280 * rows + 60 + 20 * notes.Count);
        return PanelFigure.Export($"{data.Scenario.Name}: profile likelihood of each parameter{PosteriorCharts.TitleMark(data)}",
            panels, rows, columns, notes, ChartStyle.Width, height);
    }

    private static Plot Panel(PosteriorQuantity q, List<ProfilePoint> points, double best, bool first)
    {
        var plot = PosteriorPanels.Panel(q.Name, q.Log ? "value (log scale)" : "value", first ? "log-likelihood - best" : "");
        var xs = points.Select(p => PosteriorPanels.ToAxis(p.Value, q.Log)).ToArray();
        // A point where no run was valid (minus infinity) is drawn at the floor, so it still shows.
        var ys = points.Select(p => double.IsFinite(p.LogLikelihood) ? Math.Max(Floor, p.LogLikelihood - best) : Floor).ToArray();
        var line = plot.Add.ScatterLine(xs, ys, ChartStyle.Blue);
        line.LineWidth = 2;
        line.MarkerSize = 7;
        line.MarkerShape = MarkerShape.FilledCircle;
        var threshold = plot.Add.HorizontalLine(-Threshold, 1.5f, ChartStyle.Vermilion, LinePattern.Dashed);
        threshold.LegendText = "";
        var lowest = ys.DefaultIfEmpty(-Threshold).Min();
        plot.Axes.SetLimits(PosteriorPanels.ToAxis(q.Prior.Min, q.Log), PosteriorPanels.ToAxis(q.Prior.Max, q.Log), Math.Min(lowest, -2 * Threshold) - 0.5, 1);
        PosteriorPanels.Ticks(plot.Axes.Bottom, q.Prior.Min, q.Prior.Max, q.Log);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { MaxTickCount = 5, LabelFormatter = ChartStyle.Number };
        if (points.Count == 0) ChartStyle.NoData(plot, "profile points");
        return plot;
    }
}
