using ScottPlot;

namespace TrustSim.Charts;

/// <summary>
/// corner.png: every pair of calibrated parameters as a scatter of posterior draws (thinned, chains pooled)
/// below the diagonal, with the correlation printed in each panel and the panels of a ridge (|r| above 0.9)
/// framed and labelled in red, and each parameter's histogram on the diagonal. A ridge is a line of draws:
/// the data fix a combination of the two parameters rather than each.
/// </summary>
internal static class PosteriorCornerChart
{
    public const string FileName = "corner.png";
    private const int MostPoints = 1500;
    private const int Bins = 30;
    private const int Pad = 6;
    private const int LeftPad = 76;
    private const int BottomPad = 46;

    public static ChartImage Render(PosteriorChartData data)
    {
        var parameters = data.Parameters;
        var n = parameters.Count;
        var pooled = parameters.Select(q => q.Pooled().Select(x => PosteriorPanels.ToAxis(x, q.Log)).ToArray()).ToList();
        var keep = PosteriorPanels.Thinned(pooled.Count == 0 ? 0 : pooled[0].Length, MostPoints);
        var cells = new Plot?[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var bottom = i == n - 1;
                var left = j == 0;
                cells[i * n + j] = i == j
                    ? Diagonal(parameters[i], pooled[i], bottom, left)
                    : Pair(parameters[j], parameters[i], pooled[j], pooled[i], keep, data.Correlation[i, j], bottom, left);
            }
        }
        var notes = new List<string> { $"each point a posterior draw (up to {MostPoints} of them, every chain); r: correlation on the axes' scales" };
        notes.AddRange(PosteriorCharts.Notes(data));
        // Square data areas of about 180 pixels; the first column and last row carry the labels.
        var side = n <= 5 ? 180 : 150;
        var width = Math.Max(ChartStyle.Width, side * n + LeftPad + 20);
        var height = (side + 2 * Pad) * n + BottomPad + 40 + 20 * (notes.Count + 1);
        return PanelFigure.Export($"{data.Scenario.Name}: pairs of parameters in the posterior{PosteriorCharts.TitleMark(data)}",
            cells, n, n, notes, width, height, LeftPad - Pad, BottomPad - Pad);
    }

    private static Plot Diagonal(PosteriorQuantity q, double[] draws, bool bottom, bool left)
    {
        var plot = PosteriorPanels.Panel("", bottom ? Label(q) : "", left ? "density" : "");
        double low = PosteriorPanels.ToAxis(q.Prior.Min, q.Log), high = PosteriorPanels.ToAxis(q.Prior.Max, q.Log);
        var top = PosteriorPanels.Histogram(plot, draws, low, high, Bins, ChartStyle.Blue);
        plot.Axes.SetLimits(low, high, 0, top > 0 ? 1.1 * top : 1);
        Axes(plot, q, null, bottom, left);
        // A histogram's height needs no scale: its shape is the point.
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        return plot;
    }

    private static Plot Pair(PosteriorQuantity x, PosteriorQuantity y, double[] xs, double[] ys, int[] keep, double r, bool bottom, bool left)
    {
        var plot = PosteriorPanels.Panel("", bottom ? Label(x) : "", left ? Label(y) : "");
        var ridge = Math.Abs(r) > Experiments.Ridge.Threshold;
        var points = plot.Add.ScatterPoints(keep.Select(k => xs[k]).ToArray(), keep.Select(k => ys[k]).ToArray(), ChartStyle.Blue.WithAlpha(0.35));
        points.MarkerSize = 3;
        plot.Axes.SetLimits(PosteriorPanels.ToAxis(x.Prior.Min, x.Log), PosteriorPanels.ToAxis(x.Prior.Max, x.Log),
            PosteriorPanels.ToAxis(y.Prior.Min, y.Log), PosteriorPanels.ToAxis(y.Prior.Max, y.Log));
        var text = plot.Add.Annotation(ridge ? $"ridge: r = {PosteriorCharts.F(r, "0.00")}" : $"r = {PosteriorCharts.F(r, "0.00")}", Alignment.UpperLeft);
        text.LabelFontSize = 12;
        text.LabelBold = ridge;
        text.LabelFontColor = ridge ? ChartStyle.Marker : Colors.Black;
        text.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
        text.LabelBorderColor = ridge ? ChartStyle.Marker : ChartStyle.Grey;
        text.LabelShadowColor = Colors.Transparent;
        if (ridge)
        {
            plot.Axes.FrameWidth(3);
            plot.Axes.FrameColor(ChartStyle.Marker);
        }
        Axes(plot, x, y, bottom, left);
        return plot;
    }

    private static void Axes(Plot plot, PosteriorQuantity x, PosteriorQuantity? y, bool bottom, bool left)
    {
        PosteriorPanels.Ticks(plot.Axes.Bottom, x.Prior.Min, x.Prior.Max, x.Log, 3);
        if (y is not null) PosteriorPanels.Ticks(plot.Axes.Left, y.Prior.Min, y.Prior.Max, y.Log, 3);
        // Tick labels on the outer panels only: an inner panel shares its column's and row's scales.
        plot.Axes.Bottom.TickLabelStyle.IsVisible = bottom;
        plot.Axes.Left.TickLabelStyle.IsVisible = left;
        plot.Axes.Bottom.Label.FontSize = 11;
        plot.Axes.Left.Label.FontSize = 11;
        // The same padding for every panel of a row (and of a column) keeps their data areas in line.
        plot.Layout.Fixed(new PixelPadding(left ? LeftPad : Pad, Pad, bottom ? BottomPad : Pad, Pad));
    }

    private static string Label(PosteriorQuantity q) => q.Log ? $"{q.Name} (log)" : q.Name;
}
