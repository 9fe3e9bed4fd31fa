using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>The look every run chart shares: size, font, colours, date axis, saving.</summary>
internal static partial class ChartStyle
{
    public const int Width = 1000;
    public const int Height = 600;

    // Colour-blind-safe Okabe-Ito colours, fixed so a series keeps its colour across charts.
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color Orange = Color.FromHex("#E69F00");
    public static readonly Color Green = Color.FromHex("#009E73");
    public static readonly Color Vermilion = Color.FromHex("#D55E00");
    public static readonly Color Purple = Color.FromHex("#CC79A7");
    public static readonly Color Grey = Color.FromHex("#555555");
    public static readonly Color Marker = Color.FromHex("#B22222");

    /// <summary>A plot with the bundled font, title and axis labels, and a date x axis.</summary>
    public static Plot NewPlot(string title, string yLabel, Scenario scenario) =>
        NewDatePlot(title, DateAxisLabel(scenario), yLabel);

    /// <summary>A plot with the bundled font, title, axis labels and a date x axis labelled <paramref name="xLabel"/>.</summary>
    public static Plot NewDatePlot(string title, string xLabel, string yLabel)
    {
        Plot plot = NewValuePlot(title, xLabel, yLabel);
        var dateAxis = plot.Axes.DateTimeTicksBottom();
        if (dateAxis.TickGenerator is DateTimeAutomatic dates)
        {
            dates.LabelFormatter = DateTick;
        }
        // The date axis replaces the bottom axis, and its label with it.
        plot.XLabel(xLabel, size: 14);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        return plot;
    }

    /// <summary>A plot with the bundled font, title and axis labels, and numeric axes.</summary>
    public static Plot NewValuePlot(string title, string xLabel, string yLabel)
    {
        string font = ChartFont.Ensure();
        var plot = new Plot();
        plot.Font.Set(font);
        plot.Title(title, size: 18);
        plot.XLabel(xLabel, size: 14);
        plot.YLabel(yLabel, size: 14);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Axes.Right.TickLabelStyle.FontSize = 12;
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>Tick marks every 0.1 on a share axis (0-1); the automatic spacing of 0.05 crowds it.</summary>
    public static void ShareTicks(IYAxis axis) => axis.TickGenerator = new NumericFixedInterval(0.1);

    /// <summary>
    /// Unambiguous date ticks: a year on 1 January, "Jul 2017" on the first of a month, the full
    /// ISO date otherwise (short runs). The default month/day/year order misleads most readers.
    /// </summary>
    private static string DateTick(DateTime date) => date switch
    {
        { Month: 1, Day: 1 } => date.ToString("yyyy", CultureInfo.InvariantCulture),
        { Day: 1 } => date.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public static string DateAxisLabel(Scenario scenario) =>
        $"Date (one step = one {scenario.Time.Step.ToString().ToLowerInvariant()})";

    /// <summary>Shows the legend in a strip under the chart, where it cannot cover data.</summary>
    public static void LegendBelow(Plot plot)
    {
        // ScottPlot 5.1.59 draws a blank image for an edge legend with no items (empty data).
        if (plot.Legend.GetItems().Length == 0)
        {
            return;
        }
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
    }

    /// <summary>Sets the x range to the data's dates, widened when there is a single step so the axis stays readable.</summary>
    public static void SetDateRange(Plot plot, RunSeries series)
    {
        if (series.Count == 0)
        {
            DateTime today = new(2000, 1, 1);
            plot.Axes.SetLimitsX(today.ToOADate(), today.AddYears(1).ToOADate());
            return;
        }
        double first = series.X[0];
        double last = series.X[^1];
        if (last - first < 14)
        {
            first -= 14;
            last += 14;
        }
        plot.Axes.SetLimitsX(first, last);
    }

    /// <summary>A centred note for a chart with nothing to draw, so an empty image still says why.</summary>
    public static void NoData(Plot plot, string what)
    {
        var note = plot.Add.Annotation($"No {what} to draw", Alignment.MiddleCenter);
        note.LabelStyle.FontSize = 16;
        note.LabelStyle.BackgroundColor = Colors.White;
        note.LabelStyle.BorderColor = Grey;
        note.LabelStyle.ShadowColor = Colors.Transparent;
    }

    /// <summary>The chart as PNG and as SVG, both at the house size.</summary>
    public static ChartImage Export(Plot plot) =>
        new(plot.GetImageBytes(Width, Height, ImageFormat.Png), StableIds(plot.GetSvgXml(Width, Height)));

    /// <summary>Panels stacked top to bottom in one image of the usual size, sharing the x range each was given.</summary>
    public static ChartImage Export(IReadOnlyList<Plot> panels) => Export(panels, new ScottPlot.MultiplotLayouts.Rows(), Width, Height);

    /// <summary>Panels placed by <paramref name="layout"/> in one image of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public static ChartImage Export(IReadOnlyList<Plot> panels, IMultiplotLayout layout, int width, int height)
    {
        var figure = new Multiplot();
        // A new multiplot holds one blank plot of its own: replace it with the first panel.
        figure.Reset(panels[0]);
        foreach (Plot panel in panels.Skip(1)) figure.AddPlot(panel);
        figure.Layout = layout;
        using var image = figure.Render(width, height);
        byte[] png = image.GetImageBytes(ImageFormat.Png);
        // ScottPlot has no SVG export for a multiplot; Skia's SVG canvas records the same drawing as vectors.
        using var svg = new MemoryStream();
        using (var canvas = SkiaSharp.SKSvgCanvas.Create(new SkiaSharp.SKRect(0, 0, width, height), svg))
        {
            figure.Render(canvas, new PixelRect(0, width, height, 0));
        }
        return new ChartImage(png, StableIds(System.Text.Encoding.UTF8.GetString(svg.ToArray())));
    }

    /// <summary>
    /// Skia names clip paths from a counter that runs over the whole process (cl_8c8, cl_8d1, ...), so
    /// the same chart drawn twice differs; numbering them in order of appearance makes the SVG, like the
    /// PNG, depend on the data alone.
    /// </summary>
    private static string StableIds(string svg)
    {
        var ids = new Dictionary<string, string>();
        return ClipId().Replace(svg, m =>
        {
            if (!ids.TryGetValue(m.Value, out var stable)) ids[m.Value] = stable = $"clip{ids.Count + 1}";
            return stable;
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial System.Text.RegularExpressions.Regex ClipId();

    /// <summary>
    /// A footnote under the x axis (what the bars mean, how values were pooled, what could not be
    /// computed): outside the data area, so it never covers a point or a whisker.
    /// </summary>
    public static void Caption(Plot plot, string text)
    {
        var footnote = plot.Axes.AddBottomAxis();
        footnote.LabelText = text;
        footnote.LabelFontSize = 12;
        footnote.LabelStyle.Bold = false;
        footnote.LabelFontColor = Grey;
        footnote.TickGenerator = new NumericManual();
        footnote.FrameLineStyle.Width = 0;
        footnote.MajorTickStyle.Length = 0;
        footnote.MinorTickStyle.Length = 0;
        // An axis with no ticks is sized as if empty, which lets its label ride up into the x axis label above.
        int lines = text.Count(c => c == '\n') + 1;
        footnote.MinimumSize = 17 * lines - 8;
    }

    /// <summary>A parameter value as a tick label: up to four significant digits, no exponent for everyday sizes.</summary>
    public static string Number(double value) =>
        Math.Abs(value) >= 1e5 || (value != 0 && Math.Abs(value) < 1e-3)
            ? value.ToString("0.###e+0", CultureInfo.InvariantCulture)
            : Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A statistic printed inside a chart: three significant digits, which is all a replication mean carries.</summary>
    public static string Brief(double value) =>
        Math.Abs(value) >= 1e5 || (value != 0 && Math.Abs(value) < 1e-3)
            ? value.ToString("0.##e+0", CultureInfo.InvariantCulture)
            : value.ToString("G3", CultureInfo.InvariantCulture);
}
