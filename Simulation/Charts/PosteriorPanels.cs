using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using TrustSim.Analysis;

namespace TrustSim.Charts;

/// <summary>
/// What the posterior charts share: small panels in the house font, each quantity drawn on its own scale
/// (a log-scale quantity as log10 of its value, with ticks labelled in the value itself), histograms,
/// and one colour per chain.
/// </summary>
internal static class PosteriorPanels
{
    /// <summary>Chain colours, Okabe-Ito, in chain order (repeated past the sixth chain).</summary>
    public static readonly Color[] ChainColors = [ChartStyle.Blue, ChartStyle.Orange, ChartStyle.Green, ChartStyle.Purple, ChartStyle.Vermilion, ChartStyle.Grey];

    public static Color ChainColor(int chain) => ChainColors[chain % ChainColors.Length];

    /// <summary>Where a value sits on its quantity's axis: log10 of it on a log scale.</summary>
    public static double ToAxis(double value, bool log) => log ? Math.Log10(value) : value;

    public static double FromAxis(double position, bool log) => log ? Math.Pow(10, position) : position;

    /// <summary>A panel with the bundled font and small type, titled <paramref name="title"/>.</summary>
    public static Plot Panel(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFont.Ensure());
        if (title.Length > 0) plot.Title(title, size: 13);
        plot.Axes.Title.Label.Bold = false;
        plot.XLabel(xLabel, size: 12);
        plot.YLabel(yLabel, size: 12);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 10;
        plot.Axes.Left.TickLabelStyle.FontSize = 10;
        return plot;
    }

    /// <summary>
    /// Ticks for a quantity's axis between <paramref name="min"/> and <paramref name="max"/> (its values), about
    /// <paramref name="count"/> of them: on a linear scale at a round step (1, 2 or 5 times a power of ten); on a
    /// log scale at 1, 2 and 5 times powers of ten (1 and 3, or 1 alone, when those would crowd), labelled as values.
    /// </summary>
    public static void Ticks(IAxis axis, double min, double max, bool log, int count = 4)
    {
        var ticks = new NumericManual();
        if (!log)
        {
            var raw = (max - min) / count;
            var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
            var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * magnitude).First(st => st >= 0.7 * raw);
            for (var k = Math.Ceiling(min / step - 1e-9); k * step <= max + 1e-9 * step; k++)
            {
                // + 0.0 turns a negative zero into the zero a reader expects.
                var value = Math.Round(k * step, 12) + 0.0;
                ticks.AddMajor(value, ChartStyle.Number(value));
            }
            axis.TickGenerator = ticks;
            return;
        }
        var values = new List<double>();
        foreach (double[] mantissas in new[] { new[] { 1.0, 2, 5 }, [1.0, 3], [1.0] })
        {
            values = LogValues(min, max, mantissas);
            if (values.Count <= count + 1) break;
        }
        if (values.Count < 2) values = [min, max];
        foreach (var value in values) ticks.AddMajor(Math.Log10(value), ChartStyle.Number(value));
        axis.TickGenerator = ticks;
    }

    private static List<double> LogValues(double min, double max, double[] mantissas)
    {
        var values = new List<double>();
        for (var power = (int)Math.Floor(Math.Log10(min)) - 1; power <= (int)Math.Ceiling(Math.Log10(max)); power++)
        {
            foreach (var mantissa in mantissas)
            {
                var value = mantissa * Math.Pow(10, power);
                if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9)) values.Add(value);
            }
        }
        return values;
    }

    /// <summary>
    /// A density histogram of <paramref name="values"/> (already on the axis scale) in <paramref name="bins"/> equal
    /// bins over [<paramref name="low"/>, <paramref name="high"/>]; returns the tallest bar.
    /// </summary>
    public static double Histogram(Plot plot, IReadOnlyList<double> values, double low, double high, int bins, Color color)
    {
        if (values.Count == 0 || !(high > low)) return 0;
        var width = (high - low) / bins;
        var counts = new int[bins];
        foreach (var v in values)
        {
            var b = (int)Math.Floor((v - low) / width);
            if (b >= 0 && b <= bins) counts[Math.Min(b, bins - 1)]++;
        }
        var bars = counts.Select((n, b) => new Bar
        {
            Position = low + (b + 0.5) * width,
            Value = n / (values.Count * width),
            Size = width,
            FillColor = color.WithAlpha(0.55),
            LineWidth = 0,
        }).ToArray();
        plot.Add.Bars(bars);
        return bars.Max(b => b.Value);
    }

    /// <summary>The prior's density on the axis scale (times x ln 10 on a log scale) at <paramref name="points"/> positions across its range.</summary>
    public static (double[] X, double[] Y) PriorCurve(BoundedPrior prior, bool log, int points = 200)
    {
        double low = ToAxis(prior.Min, log), high = ToAxis(prior.Max, log);
        var xs = Enumerable.Range(0, points).Select(i => low + (high - low) * (i + 0.5) / points).ToArray();
        var ys = xs.Select(a =>
        {
            var x = FromAxis(a, log);
            var density = prior.Density(x);
            return log ? density * x * Math.Log(10) : density;
        }).ToArray();
        return (xs, ys);
    }

    /// <summary>"R-hat 1.004, ESS 612" for a panel's title; "R-hat -" where undefined.</summary>
    public static string Diagnostics(ChainConvergence c) =>
        $"R-hat {Text(c.Rhat, "0.000")}, ESS {Text(c.BulkEss, "0")}";

    /// <summary>A sample of at most <paramref name="most"/> of <paramref name="values"/>, every k-th, for scatter plots and traces.</summary>
    public static int[] Thinned(int count, int most)
    {
        var every = Math.Max(1, (int)Math.Ceiling(count / (double)most));
        return Enumerable.Range(0, count).Where(i => i % every == 0).ToArray();
    }

    private static string Text(double x, string format) => double.IsNaN(x) ? "-" : x.ToString(format, CultureInfo.InvariantCulture);
}
