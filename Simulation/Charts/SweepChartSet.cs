namespace TrustSim.Charts;

/// <summary>Every chart of a sweep folder: response curves, heatmaps and fans, each drawn from its spec.</summary>
internal sealed record SweepChartSpecs(
    IReadOnlyList<ResponseChartSpec> Responses, IReadOnlyList<HeatmapSpec> Heatmaps, IReadOnlyList<FanChartSpec> Fans)
{
    /// <summary>Draws each chart into <paramref name="chartsFolder"/>, atomically; a chart that fails is reported, not fatal.</summary>
    public ChartSetResult Draw(string chartsFolder)
    {
        Directory.CreateDirectory(chartsFolder);
        var jobs = Responses.Select(r => (r.FileName, (Func<byte[]>)(() => ResponseChart.Render(r))))
            .Concat(Heatmaps.Select(h => (h.FileName, (Func<byte[]>)(() => HeatmapChart.Render(h)))))
            .Concat(Fans.Select(f => (f.FileName, (Func<byte[]>)(() => FanChart.Render(f)))));
        var written = new List<string>();
        var problems = new List<string>();
        foreach (var (fileName, render) in jobs)
        {
            string path = Path.Combine(chartsFolder, fileName);
            try
            {
                ChartStyle.Save(path, render());
                written.Add(path);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problems.Add($"{path}: chart not drawn: {e.Message}");
            }
        }
        return new ChartSetResult(written, problems);
    }
}
