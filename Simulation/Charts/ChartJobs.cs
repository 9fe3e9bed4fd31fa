namespace TrustSim.Charts;

/// <summary>
/// Renders a set of independent charts on all cores. Each chart is its own Plot, so they share
/// nothing but the bundled font, registered once before the first draw. Results come back in
/// the order of the jobs, whatever order they finish in; writing them is the caller's business.
/// </summary>
internal static class ChartJobs
{
    public static IReadOnlyList<RenderedChart> Render(IReadOnlyList<ChartJob> jobs)
    {
        ChartFont.Ensure();
        var rendered = new RenderedChart[jobs.Count];
        Parallel.For(0, jobs.Count, i =>
        {
            try
            {
                rendered[i] = new RenderedChart(jobs[i].FileName, jobs[i].Render(), null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Charts are a view of data already on disk; `trustsim plot` can redraw them later.
                rendered[i] = new RenderedChart(jobs[i].FileName, null, e.Message);
            }
        });
        return rendered;
    }
}
