namespace TrustSim.Charts;

/// <summary>Every chart of a sweep folder: response curves, heatmaps and fans, each drawn from its spec.</summary>
internal sealed record SweepChartSpecs(
    IReadOnlyList<ResponseChartSpec> Responses, IReadOnlyList<HeatmapSpec> Heatmaps, IReadOnlyList<FanChartSpec> Fans)
{
    /// <summary>Every chart of the specs, ready to render.</summary>
    public IReadOnlyList<ChartJob> Jobs() =>
        Responses.Select(r => new ChartJob(r.FileName, () => ResponseChart.Render(r)))
            .Concat(Heatmaps.Select(h => new ChartJob(h.FileName, () => HeatmapChart.Render(h))))
            .Concat(Fans.Select(f => new ChartJob(f.FileName, () => FanChart.Render(f))))
            .ToList();
}
