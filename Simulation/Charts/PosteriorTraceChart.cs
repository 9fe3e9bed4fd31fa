using ScottPlot;

namespace TrustSim.Charts;

/// <summary>
/// traces.png: each quantity's retained draws against the draw number, one colour per chain. Chains that
/// have converged overlap as one band of noise; a chain off on its own level, or a slow wander, is what
/// a large R-hat and a small ESS mean.
/// </summary>
internal static class PosteriorTraceChart
{
    public const string FileName = "traces.png";
    private const int MostPointsPerChain = 2000;

    public static ChartImage Render(PosteriorChartData data)
    {
        var quantities = data.Quantities;
        var panels = quantities.Select((q, k) => Panel(q, k == quantities.Count - 1)).ToList<Plot?>();
        var chains = quantities.Count == 0 ? 0 : quantities[0].ByChain.Count;
        var colours = string.Join(", ", Enumerable.Range(0, chains).Select(c => $"chain {c + 1} {ColourName(c)}"));
        var notes = new List<string> { $"retained draws after warmup; {colours}" };
        notes.AddRange(PosteriorCharts.Notes(data));
        var height = Math.Max(ChartStyle.Height, 150 * quantities.Count + 60 + 20 * notes.Count);
        return PanelFigure.Export($"{data.Scenario.Name}: chains of each quantity{PosteriorCharts.TitleMark(data)}",
            panels, quantities.Count, 1, notes, ChartStyle.Width, height);
    }

    private static Plot Panel(PosteriorQuantity q, bool last)
    {
        var plot = PosteriorPanels.Panel("", last ? "draw (after warmup)" : "", q.Log ? $"{q.Name} (log)" : q.Name);
        plot.Axes.Left.Label.FontSize = 10;
        var longest = 0;
        for (var c = 0; c < q.ByChain.Count; c++)
        {
            var draws = q.ByChain[c];
            longest = Math.Max(longest, draws.Length);
            if (draws.Length == 0) continue;
            var keep = PosteriorPanels.Thinned(draws.Length, MostPointsPerChain);
            var line = plot.Add.ScatterLine(keep.Select(i => (double)(i + 1)).ToArray(), keep.Select(i => PosteriorPanels.ToAxis(draws[i], q.Log)).ToArray(),
                PosteriorPanels.ChainColor(c).WithAlpha(0.7));
            line.LineWidth = 1;
        }
        if (longest == 0) ChartStyle.NoData(plot, "draws");
        var title = plot.Add.Annotation(PosteriorPanels.Diagnostics(q.Convergence), Alignment.UpperRight);
        title.LabelFontSize = 11;
        title.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        title.LabelBorderColor = ChartStyle.Grey;
        title.LabelShadowColor = Colors.Transparent;
        plot.Axes.SetLimits(0, Math.Max(1, longest) + 1, PosteriorPanels.ToAxis(q.Prior.Min, q.Log), PosteriorPanels.ToAxis(q.Prior.Max, q.Log));
        PosteriorPanels.Ticks(plot.Axes.Left, q.Prior.Min, q.Prior.Max, q.Log, 3);
        PosteriorPanels.Ticks(plot.Axes.Bottom, 0, Math.Max(1, longest), false, 10);
        plot.Axes.Bottom.TickLabelStyle.IsVisible = last;
        plot.Axes.Left.MinimumSize = 110;
        return plot;
    }

    private static string ColourName(int chain) => (chain % PosteriorPanels.ChainColors.Length) switch
    {
        0 => "blue",
        1 => "orange",
        2 => "green",
        3 => "pink",
        4 => "vermilion",
        _ => "grey",
    };
}
