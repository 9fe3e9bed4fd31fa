using ScottPlot;
using ScottPlot.Plottables;

namespace TrustSim.Charts;

/// <summary>Drawing helpers that cope with NaN gaps, one-point series and single replications.</summary>
internal static class SeriesDrawing
{
    /// <summary>
    /// Draws y against x as separate line pieces wherever y is NaN, so an empty interval is a gap
    /// rather than a line across it. Isolated points get a marker so they stay visible. Only the
    /// first piece carries the legend text. Returns false when there was nothing to draw.
    /// </summary>
    /// <param name="steps">Draw as a staircase: each step's value holds until the next step, so a shock's
    /// drop is a vertical edge at its own date, not a slope from the week before.</param>
    public static bool Line(Plot plot, double[] x, double[] y, Color color, string legend,
        float width = 2, LinePattern? pattern = null, IYAxis? yAxis = null, bool steps = false)
    {
        bool labelled = false;
        foreach ((int start, int length) in Runs(y))
        {
            Scatter line = plot.Add.ScatterLine(x[start..(start + length)], y[start..(start + length)], color);
            line.LineWidth = width;
            line.LinePattern = pattern ?? LinePattern.Solid;
            line.MarkerSize = length == 1 ? 6 : 0;
            if (steps) line.ConnectStyle = ConnectStyle.StepHorizontal;
            if (yAxis is not null)
            {
                line.Axes.YAxis = yAxis;
            }
            if (!labelled)
            {
                line.LegendText = legend;
                labelled = true;
            }
        }
        return labelled;
    }

    /// <summary>
    /// 95% intervals as error bars at the given x, each side drawn as long as it is: an interval kept
    /// inside its metric's domain is asymmetric near a bound. Entries whose ends are not finite get none.
    /// </summary>
    public static void IntervalBars(Plot plot, IReadOnlyList<double> x, IReadOnlyList<double> value, IReadOnlyList<double> low,
        IReadOnlyList<double> high, Color color, float width)
    {
        var keep = Enumerable.Range(0, x.Count).Where(k => double.IsFinite(value[k]) && double.IsFinite(low[k]) && double.IsFinite(high[k])).ToArray();
        if (keep.Length == 0) return;
        var bars = new ErrorBar(keep.Select(k => x[k]).ToArray(), keep.Select(k => value[k]).ToArray(),
            null, null, keep.Select(k => high[k] - value[k]).ToArray(), keep.Select(k => value[k] - low[k]).ToArray());
        plot.Add.Plottable(bars);
        bars.Color = color;
        bars.LineWidth = width;
    }

    /// <summary>A translucent band between low and high, skipping NaN steps; nothing for fewer than two points.</summary>
    public static void Band(Plot plot, double[] x, double[] low, double[] high, Color color, string legend)
    {
        bool labelled = false;
        foreach ((int start, int length) in Runs(low.Zip(high, (a, b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : a).ToArray()))
        {
            if (length < 2)
            {
                continue;
            }
            FillY fill = plot.Add.FillY(x[start..(start + length)], low[start..(start + length)], high[start..(start + length)]);
            fill.FillColor = color.WithAlpha(0.22);
            fill.LineWidth = 0;
            if (!labelled)
            {
                fill.LegendText = legend;
                labelled = true;
            }
        }
    }

    /// <summary>Index ranges of consecutive non-NaN values.</summary>
    public static IEnumerable<(int Start, int Length)> Runs(double[] values)
    {
        int start = -1;
        for (int i = 0; i <= values.Length; i++)
        {
            bool present = i < values.Length && !double.IsNaN(values[i]);
            if (present && start < 0)
            {
                start = i;
            }
            else if (!present && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }

    public static double[] Scale(double[] values, double factor) => values.Select(v => v * factor).ToArray();
}
