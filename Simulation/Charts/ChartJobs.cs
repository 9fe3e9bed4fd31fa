namespace TrustSim.Charts;

/// <summary>
/// Draws a set of independent charts on all cores. Each chart is its own Plot, so they share
/// nothing but the bundled font, registered once before the first draw. Results come back in
/// the order of the jobs, whatever order they finish in.
/// </summary>
internal static class ChartJobs
{
    public static ChartSetResult Draw(string chartsFolder, IReadOnlyList<(string FileName, Func<byte[]> Render)> jobs)
    {
        Directory.CreateDirectory(chartsFolder);
        ChartFont.Ensure();
        var outcomes = new (string? Written, string? Problem)[jobs.Count];
        Parallel.For(0, jobs.Count, i =>
        {
            var path = Path.Combine(chartsFolder, jobs[i].FileName);
            try
            {
                ChartStyle.Save(path, jobs[i].Render());
                outcomes[i] = (path, null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Charts are a view of data already on disk; `trustsim plot` can redraw them later.
                outcomes[i] = (null, $"{path}: chart not drawn: {e.Message}");
            }
        });
        return new ChartSetResult(
            outcomes.Where(o => o.Written is not null).Select(o => o.Written!).ToList(),
            outcomes.Where(o => o.Problem is not null).Select(o => o.Problem!).ToList());
    }
}
