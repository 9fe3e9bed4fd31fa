namespace TrustSim.Charts;

/// <summary>Every chart of a sweep folder: response curves, heatmaps and fans, each drawn from its spec.</summary>
internal sealed record SweepChartSpecs(
    IReadOnlyList<ResponseChartSpec> Responses, IReadOnlyList<HeatmapSpec> Heatmaps, IReadOnlyList<FanChartSpec> Fans)
{
    /// <summary>Draws each chart into <paramref name="chartsFolder"/>, atomically; a chart that fails is reported, not fatal.</summary>
    public ChartSetResult Draw(string chartsFolder)
    {
        var jobs = Responses.Select(r => (r.FileName, (Func<byte[]>)(() => ResponseChart.Render(r))))
            .Concat(Heatmaps.Select(h => (h.FileName, (Func<byte[]>)(() => HeatmapChart.Render(h)))))
            .Concat(Fans.Select(f => (f.FileName, (Func<byte[]>)(() => FanChart.Render(f)))))
            .ToList();
        return ChartJobs.Draw(chartsFolder, jobs);
    }
}
