using ScottPlot;

namespace TrustSim.Charts;

/// <summary>fan-METRIC.png: a time series metric, one band (5-95% of replications) and mean line per design point.</summary>
internal static class FanChart
{
    private static readonly Color[] Palette =
    [
        ChartStyle.Blue, ChartStyle.Orange, ChartStyle.Green, ChartStyle.Vermilion, ChartStyle.Purple, ChartStyle.Grey,
        Color.FromHex("#56B4E9"), Color.FromHex("#000000"),
    ];

    public static ChartImage Render(FanChartSpec spec)
    {
        using Plot plot = ChartStyle.NewDatePlot(spec.Title, spec.XLabel, spec.YLabel);
        bool any = false;
        DateOnly? first = null;
        DateOnly? last = null;
        for (int i = 0; i < spec.Bands.Count; i++)
        {
            FanBand band = spec.Bands[i];
            if (band.Dates.Length == 0) continue;
            Color color = Palette[i % Palette.Length];
            double[] x = band.Dates.Select(d => d.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
            if (band.Replications > 1) SeriesDrawing.Band(plot, x, band.Low, band.High, color, "");
            any |= SeriesDrawing.Line(plot, x, band.Mean, color, band.Label);
            first = first is { } f && f < band.Dates[0] ? f : band.Dates[0];
            last = last is { } l && l > band.Dates[^1] ? l : band.Dates[^1];
        }
        if (!any) ChartStyle.NoData(plot, "time series");
        int replications = spec.Bands.Select(b => b.Replications).DefaultIfEmpty(0).Max();
        if (replications > 1) ChartStyle.Caption(plot, $"lines: mean; bands: 5-95% of up to {replications} replications per point");
        if (first is { } start && last is { } end)
        {
            plot.Axes.SetLimitsX(start.ToDateTime(TimeOnly.MinValue).ToOADate(), end.ToDateTime(TimeOnly.MinValue).ToOADate());
        }
        if (spec.Share)
        {
            plot.Axes.SetLimitsY(0, 1);
            ChartStyle.ShareTicks(plot.Axes.Left);
        }
        ChartStyle.LegendBelow(plot);
        return ChartStyle.Export(plot);
    }
}
