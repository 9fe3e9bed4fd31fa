using ScottPlot;

namespace TrustSim.Charts;

/// <summary>
/// morris-METRIC.png: each parameter at (mu*, sigma), labelled, with mu*'s 95% CI as a horizontal whisker.
/// Far right: influential; high up: its effect depends on the other parameters (interaction or curvature).
/// </summary>
internal static class MorrisChart
{
    public static ChartImage Render(SensitivityChartSpec spec)
    {
        using Plot plot = ChartStyle.NewValuePlot(spec.Title, $"mu* (mean |elementary effect| on {spec.Metric} per full parameter range)",
            "sigma (sd of elementary effects)");
        var parameters = spec.Rows.Select(r => r.Parameter).Distinct().ToArray();
        double top = 0, right = 0;
        bool any = false;
        var labels = new List<(double X, double Y, string Name)>();
        foreach (var parameter in parameters)
        {
            var muStar = spec.Rows.FirstOrDefault(r => r.Parameter == parameter && r.Index == "mu_star");
            var sigma = spec.Rows.FirstOrDefault(r => r.Parameter == parameter && r.Index == "sigma");
            if (muStar is null || sigma is null || double.IsNaN(muStar.Value)) continue;
            double y = double.IsNaN(sigma.Value) ? 0 : sigma.Value;
            if (double.IsFinite(muStar.CiLow) && double.IsFinite(muStar.CiHigh))
            {
                var whisker = plot.Add.Line(muStar.CiLow, y, muStar.CiHigh, y);
                whisker.Color = ChartStyle.Grey;
                whisker.LineWidth = 1.5f;
                right = Math.Max(right, muStar.CiHigh);
            }
            // A hollow dot: mu*'s interval is too wide for the data to rank this parameter.
            var dot = plot.Add.Marker(muStar.Value, y, spec.Unsettled.Contains(muStar) ? MarkerShape.OpenCircle : MarkerShape.FilledCircle, 10, ChartStyle.Blue);
            labels.Add((muStar.Value, y, parameter));
            top = Math.Max(top, y);
            right = Math.Max(right, muStar.Value);
            any = true;
        }
        if (!any) ChartStyle.NoData(plot, "indices");
        // A grey diagonal sigma = mu*: above it, effects change sign or size a lot across the space.
        double edge = Math.Max(Math.Max(top, right), 1e-9) * 1.15;
        var diagonal = plot.Add.Line(0, 0, edge, edge);
        diagonal.Color = ChartStyle.Grey.WithAlpha(0.5);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "sigma = mu*";
        plot.Axes.SetLimits(0, edge * 1.25, 0, edge);
        ChartStyle.LegendBelow(plot);
        ChartStyle.Caption(plot, spec.Note);
        // Parameters of similar influence sit close together: their names are placed so none covers another.
        PointLabels.Draw(plot, labels.Select(l => (l.X, l.Y)).ToList(), labels.Select(l => l.Name).ToList());
        return ChartStyle.Export(plot);
    }
}
