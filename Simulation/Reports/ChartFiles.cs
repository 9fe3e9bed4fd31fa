using TrustSim.Charts;
using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// Writes rendered charts into a folder's charts/, each atomically. Charts/ only renders; the files
/// are laid out here, with the rest of a folder.
/// </summary>
internal static class ChartFiles
{
    /// <summary>Renders <paramref name="jobs"/> and writes each PNG, and its SVG twin, into <paramref name="chartsFolder"/> (created if missing); one chart failing does not stop the others.</summary>
    public static ChartSetResult Draw(string chartsFolder, IReadOnlyList<ChartJob> jobs)
    {
        Directory.CreateDirectory(chartsFolder);
        var written = new List<string>();
        var problems = new List<string>();
        foreach (var chart in ChartJobs.Render(jobs))
        {
            var path = Path.Combine(chartsFolder, chart.FileName);
            try
            {
                if (chart.Image is null)
                {
                    problems.Add($"{path}: chart not drawn: {chart.Problem}");
                    continue;
                }
                AtomicFile.WriteAllBytes(path, chart.Image.Png);
                AtomicFile.WriteAllText(Path.Combine(chartsFolder, chart.SvgFileName), chart.Image.Svg);
                written.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{path}: chart not drawn: {e.Message}");
            }
        }
        return new ChartSetResult(written, problems);
    }

    /// <summary>The charts of a run folder (see <see cref="ChartSet"/>).</summary>
    public static ChartSetResult DrawRunCharts(string chartsFolder, Scenario scenario, IReadOnlyList<RunResult> results) =>
        Draw(chartsFolder, ChartSet.RunJobs(scenario, results));

    /// <summary>The charts of a sweep folder (see <see cref="SweepChartSpecs"/>).</summary>
    public static ChartSetResult Draw(this SweepChartSpecs specs, string chartsFolder) => Draw(chartsFolder, specs.Jobs());
}
